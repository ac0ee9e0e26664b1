using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using HelpDesk.TestSupport;
using HelpDesk.TestSupport.Fakes;

namespace HelpDesk.Connectors.Erp.Tests;

/// <summary>The fake against the contract's fixtures, so tests built on it (here and in the hub) meet Odoo's shapes.</summary>
public sealed class FakeOdooTests : IAsyncLifetime
{
    private readonly HttpClient _http = new();
    private FakeOdoo _odoo = null!;

    public async ValueTask InitializeAsync()
    {
        _odoo = await FakeOdoo.StartAsync();
        _http.BaseAddress = _odoo.BaseUrl;
        var company = _odoo.AddCompany("Northwind Analytics GmbH");
        _odoo.AddContact("ana.mueller@northwind.example.com", "Ana Müller", company);
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _odoo.DisposeAsync();
    }

    [Theory]
    [InlineData("jsonrpc-version-request.json", "jsonrpc-version-response.json")]
    [InlineData("jsonrpc-authenticate-request.json", "jsonrpc-authenticate-response.json")]
    [InlineData("jsonrpc-partner-search-read-request.json", "jsonrpc-partner-search-read-response.json")]
    public async Task Fixture_requests_get_the_fixture_answers(string request, string response)
    {
        var (status, answer) = await PostAsync(Fixtures.Json(request));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(JsonNode.DeepEquals(Fixtures.Json(response), answer), answer?.ToJsonString());
    }

    [Fact]
    public async Task Wrong_credentials_get_false_from_authenticate_and_access_denied_from_execute_kw_both_with_http_200()
    {
        var login = Fixtures.Json("jsonrpc-authenticate-request.json");
        login["params"]!["args"]![2] = "wrong";
        var search = Fixtures.Json("jsonrpc-partner-search-read-request.json");
        search["params"]!["args"]![2] = "wrong";

        var (loginStatus, refused) = await PostAsync(login);
        var (searchStatus, denied) = await PostAsync(search);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (loginStatus, searchStatus));
        Assert.True(JsonNode.DeepEquals(Fixtures.Json("jsonrpc-authenticate-failed-response.json"), refused), refused?.ToJsonString());
        var fixture = Fixtures.Json("jsonrpc-error-access-denied.json");
        Assert.Equal((int)fixture["id"]!, (int)denied!["id"]!);
        Assert.Equal(fixture["error"]!["code"]!.ToJsonString(), denied["error"]!["code"]!.ToJsonString());
        Assert.Equal(fixture["error"]!["data"]!["name"]!.ToJsonString(), denied["error"]!["data"]!["name"]!.ToJsonString());
        Assert.Equal(fixture["error"]!["data"]!["message"]!.ToJsonString(), denied["error"]!["data"]!["message"]!.ToJsonString());
    }

    [Fact]
    public async Task A_model_the_bot_may_not_read_gets_access_error_and_an_unknown_email_an_empty_list()
    {
        _odoo.Forbid("account.move");
        var invoices = Fixtures.Json("jsonrpc-invoice-search-read-request.json");
        var unknown = Fixtures.Json("jsonrpc-partner-search-read-request.json");
        unknown["params"]!["args"]![5]![0]![0]![2] = "nobody@example.com";

        var (_, forbidden) = await PostAsync(invoices);
        var (_, empty) = await PostAsync(unknown);

        Assert.Equal("odoo.exceptions.AccessError", (string?)forbidden!["error"]!["data"]!["name"]);
        Assert.Equal(5, (int)forbidden["id"]!);
        Assert.True(JsonNode.DeepEquals(Fixtures.Json("jsonrpc-partner-search-read-empty-response.json"), empty), empty?.ToJsonString());
    }

    private async Task<(HttpStatusCode Status, JsonNode? Body)> PostAsync(JsonNode body)
    {
        using var content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync("jsonrpc", content, TestContext.Current.CancellationToken);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)));
    }
}

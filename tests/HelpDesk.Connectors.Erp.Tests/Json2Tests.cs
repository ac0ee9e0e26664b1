using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using HelpDesk.Connectors.Erp.Api;
using HelpDesk.TestSupport.Fakes;

namespace HelpDesk.Connectors.Erp.Tests;

/// <summary>The same lookups over Odoo 19's JSON-2 API, whose errors are decided on the HTTP status.</summary>
public sealed class Json2Tests : IAsyncLifetime
{
    private static readonly Dictionary<string, string?> Json2 = new() { ["Protocol"] = "json2" };
    private FakeOdoo _odoo = null!;

    public async ValueTask InitializeAsync()
    {
        _odoo = await FakeOdoo.StartAsync();
        Northwind.Seed(_odoo);
    }

    public async ValueTask DisposeAsync() => await _odoo.DisposeAsync();

    [Fact]
    public async Task Json2_finds_the_same_records_as_json_rpc_without_a_login_and_logs_no_key()
    {
        var logs = new LogRecorder();
        await using var json2 = ErpHarness.For(_odoo, Json2, logs: logs);
        await using var jsonRpc = ErpHarness.For(_odoo);

        var viaJson2 = await json2.FindAsync();
        Assert.DoesNotContain(_odoo.Received, r => r.Path == "/jsonrpc");
        var viaJsonRpc = await jsonRpc.FindAsync();

        Assert.Equal(Northwind.Expected, viaJson2.Select(r => r.Number));
        Assert.Equal(viaJsonRpc.Select(r => (r.Number, r.Total, r.AmountDue, r.Date, r.DueAt, r.Url)), viaJson2.Select(r => (r.Number, r.Total, r.AmountDue, r.Date, r.DueAt, r.Url)));
        Assert.Contains(logs.Lines, line => line.Contains("/json/2/sale.order/search_read", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, line => line.Contains(FakeOdoo.ApiKey, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_401_says_to_rotate_the_key_without_showing_it_and_is_not_retried()
    {
        const string expiredKey = "expired-0123456789abcdef0123456789abcdef";
        await using var harness = ErpHarness.For(_odoo, new(Json2) { ["ApiKey"] = expiredKey });

        var failure = await Assert.ThrowsAsync<OdooException>(() => harness.FindAsync());

        Assert.Equal(OdooFailure.Credentials, failure.Failure);
        Assert.Contains("401: Invalid apikey", failure.Message, StringComparison.Ordinal);
        Assert.Contains("create a new one", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(expiredKey, failure.Message, StringComparison.Ordinal);
        Assert.Equal(1, _odoo.Requests);
    }

    [Fact]
    public async Task A_422_is_a_bad_argument_and_is_not_retried()
    {
        await using var harness = ErpHarness.For(_odoo, Json2);
        _odoo.Fail(FakeOdooFault.UserError);

        var failure = await Assert.ThrowsAsync<OdooException>(() => harness.FindAsync());

        Assert.Equal(OdooFailure.BadRequest, failure.Failure);
        Assert.Contains("rejected an argument of res.partner.search_read (422)", failure.Message, StringComparison.Ordinal);
        Assert.Equal(1, _odoo.Requests);
    }

    [Fact]
    public async Task A_403_is_a_configuration_error_and_a_500_is_retried()
    {
        await using var harness = ErpHarness.For(_odoo, Json2);
        _odoo.Fail(FakeOdooFault.ServerError);
        Assert.Equal(Northwind.Expected, (await harness.FindAsync()).Select(r => r.Number));

        _odoo.Forbid("sale.order");
        var failure = await Assert.ThrowsAsync<OdooException>(() => harness.FindAsync());

        Assert.Equal(OdooFailure.Configuration, failure.Failure);
        Assert.Contains("may not read sale.order records (403)", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_fake_refuses_json2_calls_without_the_bearer_key_or_with_positional_or_unknown_arguments()
    {
        using var http = new HttpClient { BaseAddress = _odoo.BaseUrl };

        using var anonymous = await http.PostAsync("json/2/sale.order/search_read", Body("""{"domain": []}"""), TestContext.Current.CancellationToken);
        using var positional = await Send(http, """[[["partner_id", "child_of", 41]]]""");
        using var unknown = await Send(http, """{"domain": [], "limitt": 5}""");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.True(JsonNode.DeepEquals(Fixtures.Json("json2-error-401.json"), JsonNode.Parse(await anonymous.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))));
        Assert.Equal(HttpStatusCode.UnprocessableContent, positional.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableContent, unknown.StatusCode);
        var said = JsonNode.Parse(await unknown.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        Assert.Contains("unexpected keyword argument 'limitt'", (string?)said["message"], StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> Send(HttpClient http, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "json/2/sale.order/search_read") { Content = Body(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("bearer", FakeOdoo.ApiKey);
        return await http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private static StringContent Body(string json) => new(json, Encoding.UTF8, "application/json");
}

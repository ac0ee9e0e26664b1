using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using HelpDesk.TestSupport;
using HelpDesk.TestSupport.Fakes;

namespace HelpDesk.Connectors.Crm.Tests;

/// <summary>The fake answers as the contract's fixtures say HubSpot does, so the connector's tests mean something.</summary>
public sealed class FakeHubSpotTests : IAsyncLifetime
{
    private FakeHubSpot _hubSpot = null!;
    private HttpClient _http = null!;

    public async ValueTask InitializeAsync()
    {
        _hubSpot = await FakeHubSpot.StartAsync();
        _hubSpot.AddFixtureCustomer();
        _http = new HttpClient { BaseAddress = _hubSpot.BaseUrl };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", FakeHubSpot.Token);
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _hubSpot.DisposeAsync();
    }

    [Theory]
    [InlineData("POST", "crm/v3/objects/contacts/search", "contact-search-request.json", "contact-search-response-200.json")]
    [InlineData("GET", "crm/v4/objects/contacts/151/associations/companies", null, "contact-companies-associations-v4-200.json")]
    [InlineData("GET", "crm/v3/objects/contacts/151?properties=firstname,lastname,email,company,lifecyclestage,hs_language,phone&associations=companies", null, "contact-get-with-associations-v3-200.json")]
    [InlineData("GET", "crm/v3/objects/companies/9001?properties=name,domain,industry,support_tier", null, "company-get-200.json")]
    public async Task Answers_the_fixture_requests_with_the_fixture_responses(string method, string path, string? request, string response)
    {
        using var message = new HttpRequestMessage(new HttpMethod(method), path);
        if (request is not null)
        {
            message.Content = new ByteArrayContent(ContractFixtures.Bytes("hubspot-crm", request)) { Headers = { ContentType = new("application/json") } };
        }

        using var answer = await _http.SendAsync(message);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var expected = JsonNode.Parse(ContractFixtures.Bytes("hubspot-crm", response));
        var actual = JsonNode.Parse(await answer.Content.ReadAsStringAsync());
        Assert.True(JsonNode.DeepEquals(expected, actual), actual!.ToJsonString());
        Assert.Equal(method == "GET", answer.Headers.Contains("X-HubSpot-RateLimit-Interval-Milliseconds"));
    }

    [Fact]
    public async Task Refuses_a_wrong_token_an_unknown_property_and_an_unknown_id_with_the_fixture_errors()
    {
        using var anonymous = new HttpClient { BaseAddress = _hubSpot.BaseUrl };
        using var unauthorized = await anonymous.GetAsync("crm/v3/objects/companies/9001");
        using var unknownProperty = await _http.PostAsync("crm/v3/objects/contacts/search", Json("""{"filterGroups":[{"filters":[{"propertyName":"emial","operator":"EQ","value":"x"}]}]}"""));
        using var unknownCompany = await _http.GetAsync("crm/v3/objects/companies/404404");
        using var empty = await _http.PostAsync("crm/v3/objects/contacts/search", Json("""{"filterGroups":[{"filters":[{"propertyName":"email","operator":"EQ","value":"nobody@example.com"}]}],"limit":1}"""));

        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
        Assert.Contains("INVALID_AUTHENTICATION", await unauthorized.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, unknownProperty.StatusCode);
        Assert.Contains("Property 'emial' does not exist", await unknownProperty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknownCompany.StatusCode);
        Assert.Contains("OBJECT_NOT_FOUND", await unknownCompany.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(ContractFixtures.Bytes("hubspot-crm", "contact-search-response-empty.json")), JsonNode.Parse(await empty.Content.ReadAsStringAsync())));
    }

    private static StringContent Json(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}

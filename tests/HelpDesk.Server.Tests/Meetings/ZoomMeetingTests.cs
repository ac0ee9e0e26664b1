using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using HelpDesk.Core.Security;
using HelpDesk.Server.Tests.Customers;
using HelpDesk.Server.Tests.Infrastructure;
using HelpDesk.TestSupport;
using HelpDesk.TestSupport.Fakes;

namespace HelpDesk.Server.Tests.Meetings;

/// <summary>Meetings from a ticket through the real zoom plugin and a fake Zoom, and Zoom's webhooks back to the ticket.</summary>
public sealed class ZoomMeetingTests : IAsyncLifetime
{
    private const string WebhookSecret = "zoom-webhook-test-secret";
    private const string Requester = "lena@northwind.example";
    private FakeZoom _zoom = null!;
    private HelpDeskApp _app = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _zoom = await FakeZoom.StartAsync();
        _app = HelpDeskApp.Sqlite(new()
        {
            ["HelpDesk:Plugins:zoom:AccountId"] = FakeZoom.AccountId,
            ["HelpDesk:Plugins:zoom:ClientId"] = FakeZoom.ClientId,
            ["HelpDesk:Plugins:zoom:ClientSecret"] = FakeZoom.ClientSecret,
            ["HelpDesk:Plugins:zoom:WebhookSecret"] = WebhookSecret,
            ["HelpDesk:Plugins:zoom:TokenUrl"] = _zoom.TokenUrl.AbsoluteUri,
            ["HelpDesk:Plugins:zoom:ApiBaseUrl"] = _zoom.ApiBaseUrl.AbsoluteUri,
        });
        FixturePlugins.InstallConnector(_app.PluginsDirectory, "zoom");
        await PluginStates.WaitUntilRunningAsync(_app.Admin(), "zoom", TimeSpan.FromSeconds(15));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _zoom.DisposeAsync();
    }

    [Fact]
    public async Task A_meeting_gives_the_customer_a_join_link_and_never_shows_the_start_link_on_a_customer_facing_path()
    {
        var admin = _app.Admin();
        var number = await admin.CreateTicketNumberAsync(new { subject = "Outage review", description = "Let's talk", requester = new { email = Requester, name = "Lena", timeZone = "Europe/Berlin" } });

        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/tickets/{number}/meetings") { Content = JsonContent.Create(new { topic = "Outage review with Northwind", duration = 45 }) };
        request.Headers.Add("Idempotency-Key", "meet-1");
        var created = await ProblemAssert.IsSuccessAsync(await admin.SendAsync(request, Token), HttpStatusCode.Created);
        using var again = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/tickets/{number}/meetings") { Content = JsonContent.Create(new { topic = "Outage review with Northwind", duration = 45 }) };
        again.Headers.Add("Idempotency-Key", "meet-1");
        var repeated = await ProblemAssert.IsSuccessAsync(await admin.SendAsync(again, Token), HttpStatusCode.Created);

        var meeting = created.GetProperty("meeting");
        var joinUrl = meeting.GetProperty("joinUrl").GetString()!;
        var startUrl = meeting.GetProperty("startUrl").GetString()!;
        var zoomMeeting = Assert.Single(_zoom.Meetings);
        Assert.Equal((zoomMeeting.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), zoomMeeting.JoinUrl, zoomMeeting.StartUrl), (meeting.GetProperty("id").GetString(), joinUrl, startUrl));
        Assert.Equal(meeting.GetProperty("id").GetString(), repeated.GetProperty("meeting").GetProperty("id").GetString());
        Assert.Equal(45, zoomMeeting.Posted["duration"]!.GetValue<int>());
        Assert.Equal("Europe/Berlin", zoomMeeting.Posted["timezone"]!.GetValue<string>());

        var customer = await _app.NewKeyAsync(ApiKeyScope.Integration, Requester);
        var customerSees = string.Join("\n",
            await customer.GetStringAsync($"/api/v1/tickets/{number}", Token),
            await customer.GetStringAsync($"/api/v1/tickets/{number}/messages", Token),
            await customer.GetStringAsync($"/api/v1/tickets/{number}/events", Token),
            await customer.GetStringAsync($"/api/v1/tickets/{number}/meetings", Token));
        Assert.Contains(joinUrl, customerSees, StringComparison.Ordinal);
        Assert.DoesNotContain(startUrl, customerSees, StringComparison.Ordinal);
        Assert.DoesNotContain("startUrl", customerSees, StringComparison.Ordinal);
        var invitation = Assert.Single((await customer.GetJsonAsync($"/api/v1/tickets/{number}/messages")).GetProperty("items").EnumerateArray(), m => m.GetProperty("kind").GetString() == "reply");
        Assert.Contains(joinUrl, invitation.GetProperty("body").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await customer.PostAsJsonAsync($"/api/v1/tickets/{number}/meetings", new { }, Token)).StatusCode);

        var agentSees = await admin.GetStringAsync($"/api/v1/tickets/{number}/meetings", Token);
        Assert.Contains(startUrl, agentSees, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Meeting_ended_with_a_valid_signature_adds_its_duration_to_the_ticket_and_a_forged_one_is_refused_with_401()
    {
        var admin = _app.Admin();
        var number = await admin.CreateTicketNumberAsync(TicketClient.NewTicket("Outage review", Requester));
        var created = await ProblemAssert.IsSuccessAsync(await admin.PostAsJsonAsync($"/api/v1/tickets/{number}/meetings", new { shareWithCustomer = false }, Token), HttpStatusCode.Created);
        var meetingId = created.GetProperty("meeting").GetProperty("id").GetString()!;
        var ended = JsonNode.Parse(ContractFixtures.Bytes("zoom", "webhook-meeting-ended.json"))!;
        ended["payload"]!["object"]!["id"] = meetingId;
        var body = Encoding.UTF8.GetBytes(ended.ToJsonString());
        var before = (await admin.GetJsonAsync($"/api/v1/tickets/{number}")).GetProperty("version").GetInt32();

        using var forged = await PostHookAsync(body, WebhookSecret + "-wrong");
        var afterForged = (await admin.GetJsonAsync($"/api/v1/tickets/{number}")).GetProperty("version").GetInt32();
        using var genuine = await PostHookAsync(body, WebhookSecret);
        using var redelivered = await PostHookAsync(body, WebhookSecret);

        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal(before, afterForged);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (genuine.StatusCode, redelivered.StatusCode));
        var meeting = Assert.Single((await admin.GetJsonAsync($"/api/v1/tickets/{number}")).GetProperty("meetings").EnumerateArray());
        Assert.Equal("ended", meeting.GetProperty("status").GetString());
        // 14:01:12 to 14:43:05 in the fixture.
        Assert.Equal(TimeSpan.Parse("00:41:53", System.Globalization.CultureInfo.InvariantCulture), TimeSpan.Parse(meeting.GetProperty("lasted").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Single(await admin.EventsAsync(number), e => e.GetProperty("type").GetString() == "meeting-updated");
    }

    [Fact]
    public async Task The_url_validation_challenge_is_answered_as_the_fixture_says()
    {
        var body = ContractFixtures.Bytes("zoom", "webhook-url-validation.json");

        using var response = await PostHookAsync(body, WebhookSecret);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var expected = JsonNode.Parse(ContractFixtures.Bytes("zoom", "webhook-url-validation-response.json"));
        var actual = JsonNode.Parse(await response.Content.ReadAsStringAsync(Token));
        Assert.True(JsonNode.DeepEquals(expected, actual), actual?.ToJsonString());
    }

    [Fact]
    public async Task Without_a_meeting_provider_or_with_bad_input_scheduling_is_refused_naming_the_field()
    {
        var admin = _app.Admin();
        var number = await admin.CreateTicketNumberAsync(TicketClient.NewTicket("Outage review", Requester));

        await ProblemAssert.IsProblemAsync(admin.PostAsJsonAsync($"/api/v1/tickets/{number}/meetings", new { duration = 2 }, Token), HttpStatusCode.UnprocessableEntity, "duration");
        await ProblemAssert.IsProblemAsync(admin.PostAsJsonAsync($"/api/v1/tickets/{number}/meetings", new { timeZone = "Mars/Olympus" }, Token), HttpStatusCode.UnprocessableEntity, "timeZone");
        await ProblemAssert.IsProblemAsync(admin.PostAsJsonAsync($"/api/v1/tickets/{number}/meetings", new { provider = "teams" }, Token), HttpStatusCode.Conflict, "provider");
        await ProblemAssert.IsProblemAsync(admin.PostAsJsonAsync("/api/v1/tickets/999999/meetings", new { }, Token), HttpStatusCode.NotFound, "number");
        _zoom.Fail(ZoomRoute.CreateMeeting, ZoomFault.ServerError());
        await ProblemAssert.IsProblemAsync(admin.PostAsJsonAsync($"/api/v1/tickets/{number}/meetings", new { }, Token), HttpStatusCode.BadGateway, "provider");
        Assert.Empty((await admin.GetJsonAsync($"/api/v1/tickets/{number}/meetings")).GetProperty("items").EnumerateArray());
    }

    private async Task<HttpResponseMessage> PostHookAsync(byte[] body, string secret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/hooks/zoom") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        foreach (var (name, value) in ZoomWebhookSigner.Sign(secret, DateTimeOffset.UtcNow.ToUnixTimeSeconds(), body))
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await _app.CreateClient().SendAsync(request, Token);
    }
}

using System.Text;
using System.Text.Json.Nodes;
using HelpDesk.Sdk.Capabilities;
using HelpDesk.Sdk.Testing;
using HelpDesk.TestSupport;
using HelpDesk.TestSupport.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace HelpDesk.Connectors.Zoom.Tests;

public sealed class WebhookTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public void The_signer_reproduces_the_signatures_of_the_contract()
    {
        foreach (var delivery in new[] { ZoomWebhooks.UrlValidation, ZoomWebhooks.Started, ZoomWebhooks.Ended, ZoomWebhooks.RecordingCompleted })
        {
            Assert.Equal(delivery.Signature, ZoomWebhookSigner.Signature(ZoomHarness.WebhookSecret, delivery.Timestamp, delivery.Body));
        }
    }

    [Fact]
    public async Task Url_validation_is_answered_200_with_the_plain_token_and_its_hmac_as_in_the_fixture()
    {
        await using var harness = ZoomHarness.WebhooksOnly(new FakeTimeProvider(ZoomWebhooks.Near(ZoomWebhooks.UrlValidation)));

        var answer = await harness.ReceiveWebhookAsync(ZoomWebhooks.Request(ZoomWebhooks.UrlValidation), Token);

        Assert.Equal(200, answer.StatusCode);
        Assert.Equal("application/json", answer.ContentType);
        var expected = JsonNode.Parse(ContractFixtures.Bytes("zoom", "webhook-url-validation-response.json"))!;
        var actual = JsonNode.Parse(answer.Body!)!;
        Assert.True(JsonNode.DeepEquals(expected, actual), answer.Body);
    }

    [Fact]
    public async Task Url_validation_is_refused_too_when_its_timestamp_is_stale()
    {
        await using var harness = ZoomHarness.WebhooksOnly(new FakeTimeProvider(ZoomWebhooks.Near(ZoomWebhooks.UrlValidation).AddMinutes(10)));

        var answer = await harness.ReceiveWebhookAsync(ZoomWebhooks.Request(ZoomWebhooks.UrlValidation), Token);

        Assert.Equal(401, answer.StatusCode);
        Assert.Null(answer.Body);
    }

    [Fact]
    public async Task Meeting_ended_records_how_long_the_meeting_really_lasted_once_even_when_delivered_twice()
    {
        await using var harness = ZoomHarness.WebhooksOnly(new FakeTimeProvider(ZoomWebhooks.Near(ZoomWebhooks.Ended)));
        var ticket = harness.SeedTicketWithMeeting();

        var first = await harness.ReceiveWebhookAsync(ZoomWebhooks.Request(ZoomWebhooks.Ended), Token);
        var again = await harness.ReceiveWebhookAsync(ZoomWebhooks.Request(ZoomWebhooks.Ended), Token);

        Assert.Equal([200, 200], [first.StatusCode, again.StatusCode]);
        var recorded = Assert.Single(harness.Api.MeetingUpdates);
        Assert.Equal(ticket.Number, recorded.Ticket);
        Assert.Equal(new MeetingUpdate("zoom", ZoomWebhooks.MeetingId, MeetingUpdateKind.Ended, DateTimeOffset.Parse("2026-11-25T14:43:05Z", System.Globalization.CultureInfo.InvariantCulture))
        {
            Duration = new TimeSpan(0, 41, 53),
            Id = $"meeting.ended:{ZoomWebhooks.Uuid}:1795617785771",
        }, recorded.Update);
    }

    [Fact]
    public async Task Meeting_started_records_when_the_host_started_it()
    {
        await using var harness = ZoomHarness.WebhooksOnly(new FakeTimeProvider(ZoomWebhooks.Near(ZoomWebhooks.Started)));
        harness.SeedTicketWithMeeting();

        var answer = await harness.ReceiveWebhookAsync(ZoomWebhooks.Request(ZoomWebhooks.Started), Token);

        Assert.Equal(200, answer.StatusCode);
        var update = Assert.Single(harness.Api.MeetingUpdates).Update;
        Assert.Equal(MeetingUpdateKind.Started, update.Kind);
        Assert.Equal(DateTimeOffset.Parse("2026-11-25T14:01:12Z", System.Globalization.CultureInfo.InvariantCulture), update.At);
        Assert.Equal($"meeting.started:{ZoomWebhooks.Uuid}:1795615272418", update.Id);
    }

    [Fact]
    public async Task Recording_completed_with_a_numeric_meeting_id_brings_the_share_link()
    {
        await using var harness = ZoomHarness.WebhooksOnly(new FakeTimeProvider(ZoomWebhooks.Near(ZoomWebhooks.RecordingCompleted)));
        harness.SeedTicketWithMeeting();

        var answer = await harness.ReceiveWebhookAsync(ZoomWebhooks.Request(ZoomWebhooks.RecordingCompleted), Token);

        Assert.Equal(200, answer.StatusCode);
        var update = Assert.Single(harness.Api.MeetingUpdates).Update;
        Assert.Equal(ZoomWebhooks.MeetingId, update.MeetingId);
        Assert.Equal(MeetingUpdateKind.RecordingReady, update.Kind);
        Assert.Equal("https://zoom.example.com/rec/share/test-only-share-id", update.RecordingUrl);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1795618621940), update.At);
    }

    [Fact]
    public async Task An_event_for_a_meeting_no_ticket_scheduled_is_answered_200_and_records_nothing()
    {
        await using var harness = ZoomHarness.WebhooksOnly(new FakeTimeProvider(ZoomWebhooks.Near(ZoomWebhooks.Ended)));
        harness.SeedTicketWithMeeting(meetingId: "81234567890");

        var answer = await harness.ReceiveWebhookAsync(ZoomWebhooks.Request(ZoomWebhooks.Ended), Token);

        Assert.Equal(200, answer.StatusCode);
        Assert.Single(harness.Api.CallsTo(nameof(Sdk.IHelpDeskApi.RecordMeetingUpdateAsync)));
        Assert.Empty(harness.Api.MeetingUpdates);
    }

    [Fact]
    public async Task An_event_type_the_plugin_does_not_handle_is_answered_200_and_ignored()
    {
        var clock = new FakeTimeProvider(ZoomWebhooks.Near(ZoomWebhooks.Started));
        await using var harness = ZoomHarness.WebhooksOnly(clock);
        harness.SeedTicketWithMeeting();
        var body = Encoding.UTF8.GetBytes("""{"event":"meeting.participant_joined","event_ts":1795615300000,"payload":{"object":{"id":"85746065432","uuid":"qV3nR8kTQy2mXb0Lc4pW9g=="}}}""");

        var answer = await harness.ReceiveWebhookAsync(ZoomWebhooks.Request(body, ZoomWebhooks.Started.Timestamp), Token);

        Assert.Equal(200, answer.StatusCode);
        Assert.Empty(harness.Api.Calls);
    }

    public static TheoryData<string, Action<Dictionary<string, string>>> Forgeries => new()
    {
        { "another timestamp under the listed signature", h => h[ZoomWebhookSigner.TimestampHeader] = "1795615273" },
        { "the signature without v0=", h => h[ZoomWebhookSigner.SignatureHeader] = h[ZoomWebhookSigner.SignatureHeader]["v0=".Length..] },
        { "no signature", h => h.Remove(ZoomWebhookSigner.SignatureHeader) },
        { "no timestamp", h => h.Remove(ZoomWebhookSigner.TimestampHeader) },
        { "a timestamp that is not a number", h => h[ZoomWebhookSigner.TimestampHeader] = "yesterday" },
        { "another secret", h => h[ZoomWebhookSigner.SignatureHeader] = ZoomWebhookSigner.Signature("not-the-secret", ZoomWebhooks.Started.Timestamp, ZoomWebhooks.Started.Body) },
    };

    [Theory]
    [MemberData(nameof(Forgeries))]
    public async Task A_bad_or_missing_signature_is_refused_with_401_and_records_nothing(string forgery, Action<Dictionary<string, string>> tamper)
    {
        await using var harness = ZoomHarness.WebhooksOnly(new FakeTimeProvider(ZoomWebhooks.Near(ZoomWebhooks.Started)));
        harness.SeedTicketWithMeeting();

        var answer = await harness.ReceiveWebhookAsync(ZoomWebhooks.Request(ZoomWebhooks.Started, tamper), Token);

        Assert.True(answer.StatusCode == 401, forgery);
        Assert.Empty(harness.Api.Calls);
    }

    [Fact]
    public async Task The_body_with_a_trailing_newline_does_not_match_the_signature_of_the_original()
    {
        await using var harness = ZoomHarness.WebhooksOnly(new FakeTimeProvider(ZoomWebhooks.Near(ZoomWebhooks.Started)));
        harness.SeedTicketWithMeeting();
        var request = ZoomWebhooks.Request(ZoomWebhooks.Started);

        var answer = await harness.ReceiveWebhookAsync(request with { Body = ZoomWebhooks.Started.Body.Append((byte)'\n').ToArray() }, Token);

        Assert.Equal(401, answer.StatusCode);
        Assert.Empty(harness.Api.MeetingUpdates);
    }

    [Theory]
    [InlineData(-301)]
    [InlineData(301)]
    public async Task A_validly_signed_delivery_with_a_stale_timestamp_is_refused_with_401(int secondsAway)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(ZoomWebhooks.Ended.Timestamp + secondsAway));
        await using var harness = ZoomHarness.WebhooksOnly(clock);
        harness.SeedTicketWithMeeting();

        var answer = await harness.ReceiveWebhookAsync(ZoomWebhooks.Request(ZoomWebhooks.Ended), Token);

        Assert.Equal(401, answer.StatusCode);
        Assert.Contains("x-zm-request-timestamp", answer.Detail, StringComparison.Ordinal);
        Assert.Empty(harness.Api.MeetingUpdates);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[1,2]")]
    [InlineData("""{"event":"meeting.ended","payload":{"object":{"uuid":"x"}},"event_ts":1}""")]
    public async Task A_signed_body_that_is_not_a_zoom_event_is_a_400(string json)
    {
        var clock = new FakeTimeProvider(ZoomWebhooks.Near(ZoomWebhooks.Started));
        await using var harness = ZoomHarness.WebhooksOnly(clock);

        var answer = await harness.ReceiveWebhookAsync(ZoomWebhooks.Request(Encoding.UTF8.GetBytes(json), ZoomWebhooks.Started.Timestamp), Token);

        Assert.Equal(400, answer.StatusCode);
    }

    [Fact]
    public async Task Without_a_webhook_secret_every_webhook_is_refused()
    {
        await using var harness = ZoomHarness.WebhooksOnly(new FakeTimeProvider(ZoomWebhooks.Near(ZoomWebhooks.UrlValidation)), new() { ["WebhookSecret"] = " " });

        var answer = await harness.ReceiveWebhookAsync(ZoomWebhooks.Request(ZoomWebhooks.UrlValidation), Token);

        Assert.Equal(401, answer.StatusCode);
        Assert.Contains("No WebhookSecret", answer.Detail, StringComparison.Ordinal);
    }
}

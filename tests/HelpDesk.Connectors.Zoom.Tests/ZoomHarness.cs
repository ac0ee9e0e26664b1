using HelpDesk.Connectors.Zoom.Hosting;
using HelpDesk.Sdk.Capabilities;
using HelpDesk.Sdk.Testing;
using HelpDesk.Sdk.Tickets;
using HelpDesk.TestSupport.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace HelpDesk.Connectors.Zoom.Tests;

/// <summary>The Zoom plugin loaded as the hub loads it (plugin id <c>zoom</c>), configured for a <see cref="FakeZoom"/>.</summary>
internal static class ZoomHarness
{
    /// <summary>The Secret Token of <c>fixtures/zoom/signatures.md</c>.</summary>
    public const string WebhookSecret = "zoom-webhook-test-secret";

    public static Dictionary<string, string?> Settings(FakeZoom zoom, Dictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["AccountId"] = FakeZoom.AccountId,
            ["ClientId"] = FakeZoom.ClientId,
            ["ClientSecret"] = FakeZoom.ClientSecret,
            ["WebhookSecret"] = WebhookSecret,
            ["TokenUrl"] = zoom.TokenUrl.AbsoluteUri,
            ["ApiBaseUrl"] = zoom.ApiBaseUrl.AbsoluteUri,
            ["AutoRecording"] = "cloud",
            ["MuteUponEntry"] = "true",
        };
        foreach (var (key, value) in more ?? [])
        {
            settings[key] = value;
        }

        return settings;
    }

    public static PluginHarness<ZoomPlugin> For(FakeZoom zoom, Dictionary<string, string?>? more = null, TimeProvider? clock = null, MemoryPluginState? state = null) =>
        new(Settings(zoom, more), clock, pluginId: "zoom", state: state);

    /// <summary>Webhook-only tests need no Zoom: its addresses are never called.</summary>
    public static PluginHarness<ZoomPlugin> WebhooksOnly(TimeProvider clock, Dictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["AccountId"] = FakeZoom.AccountId,
            ["ClientId"] = FakeZoom.ClientId,
            ["ClientSecret"] = FakeZoom.ClientSecret,
            ["WebhookSecret"] = WebhookSecret,
            ["TokenUrl"] = "https://zoom.example.com/oauth/token",
            ["ApiBaseUrl"] = "https://zoom.example.com/v2/",
        };
        foreach (var (key, value) in more ?? [])
        {
            settings[key] = value;
        }

        return new(settings, clock, pluginId: "zoom");
    }

    public static IMeetingProvider Provider(this PluginHarness<ZoomPlugin> harness) => harness.Services.GetRequiredService<IMeetingProvider>();

    /// <summary>The meeting of <c>create-meeting-request.json</c>, starting at 15:00 Berlin time (14:00 UTC).</summary>
    public static MeetingRequest Request(string idempotencyKey = "1042-m1", long ticket = 1042) =>
        new(ticket, "HD-1042 outage review with Northwind Analytics", new DateTimeOffset(2026, 11, 25, 15, 0, 0, TimeSpan.FromHours(1)), "Europe/Berlin", TimeSpan.FromMinutes(45), idempotencyKey)
        {
            Agenda = "Review of the checkout outage on 22 Nov (HelpDesk HD-1042): timeline, root cause, follow-ups.",
            Attendees = [new MeetingAttendee("ops@northwind.example", "Nora")],
        };

    /// <summary>A ticket that scheduled Zoom meeting <paramref name="meetingId"/>, as the hub records it.</summary>
    public static TicketSnapshot SeedTicketWithMeeting(this PluginHarness<ZoomPlugin> harness, string meetingId = ZoomWebhooks.MeetingId)
    {
        var ticket = harness.Api.Seed(new NewTicket("Checkout outage review", "Let us walk through the outage.", new Customer("ops@northwind.example", "Nora", Organization: "Northwind Analytics")));
        harness.Api.SeedMeeting(ticket.Number, "zoom", meetingId);
        return ticket;
    }
}

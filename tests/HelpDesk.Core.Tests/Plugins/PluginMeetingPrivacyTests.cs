using System.Text.Json;
using HelpDesk.Core.Plugins;
using HelpDesk.Core.Storage;
using HelpDesk.Domain.Events;
using HelpDesk.Domain.Meetings;
using HelpDesk.Domain.Tickets;
using HelpDesk.Sdk;
using HelpDesk.Sdk.Capabilities;

namespace HelpDesk.Core.Tests.Plugins;

public sealed class PluginMeetingPrivacyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Plugins_get_a_scheduled_meetings_join_link_but_never_the_hosts_start_link()
    {
        var meeting = new TicketMeeting("zoom", "85746065432", "Review", Now, TimeSpan.FromMinutes(30), "https://zoom.example.com/j/85746065432")
        {
            StartUrl = "https://zoom.example.com/s/85746065432?zak=host-secret",
            RequestKey = "k1",
        };
        var stored = new StoredTicketEvent(1, 7, 3, "meeting-scheduled", new MeetingScheduled(new Actor(ActorKind.Agent, "ana"), Now, meeting));

        var envelope = SdkMapping.ToEnvelope(stored);

        var data = envelope.Data.GetRawText();
        Assert.Contains("https://zoom.example.com/j/85746065432", data, StringComparison.Ordinal);
        Assert.DoesNotContain("host-secret", data, StringComparison.Ordinal);
        Assert.False(envelope.Data.GetProperty("meeting").TryGetProperty("startUrl", out _));
    }

    [Fact]
    public async Task A_plugin_cannot_report_on_meetings_of_a_provider_it_does_not_offer()
    {
        var api = new PluginHelpDeskApi("echo", null!, null!, null!, null!, null!, null!, ownsMeetingProvider: _ => false);

        var refused = await Assert.ThrowsAsync<HelpDeskApiException>(() =>
            api.RecordMeetingUpdateAsync(new MeetingUpdate("zoom", "85746065432", MeetingUpdateKind.Ended, Now), TestContext.Current.CancellationToken));

        Assert.Equal((HelpDeskApiError.Invalid, "provider"), (refused.Kind, refused.Field));
    }
}

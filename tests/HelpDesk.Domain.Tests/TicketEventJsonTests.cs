using HelpDesk.Domain.Sla;
using System.Text.Json;
using HelpDesk.Domain.Alerts;
using HelpDesk.Domain.Commands;
using HelpDesk.Domain.Customers;
using HelpDesk.Domain.Meetings;
using HelpDesk.Domain.Escalations;
using HelpDesk.Domain.Events;
using HelpDesk.Domain.Tickets;
using static HelpDesk.Domain.Tests.Builders;

namespace HelpDesk.Domain.Tests;

public sealed class TicketEventJsonTests
{
    [Fact]
    public void Every_event_of_a_busy_ticket_survives_the_stored_form_and_replays_to_the_same_state()
    {
        var live = new TicketState();
        var events = new List<TicketEvent>();
        events.AddRange(Apply(live, Decider.Open(live, 7, NewTicket() with { Tags = ["vip"], Fields = new Dictionary<string, string> { ["order"] = "A-1" }, Queue = "support", DescriptionHtml = "<p>Hi</p>", Cc = ["bob@example.com"], Attachments = [new Attachment(new string('a', 64), "log.txt", "text/plain", 12)] }, Agent, Now)));
        var berlin = new BusinessCalendar("b", "Berlin", "Europe/Berlin", [new Shift(DayOfWeek.Monday, new TimeOnly(9, 0), new TimeOnly(17, 0))], [new Holiday(new DateOnly(2026, 12, 25), "Christmas")]);
        SlaTarget[] targets = [new(SlaTargetKind.FirstResponse, TimeSpan.FromMinutes(1), BusinessCalendar.AlwaysOpen), new(SlaTargetKind.Resolution, TimeSpan.FromHours(8), berlin)];
        events.AddRange(Apply(live, TicketDecider.ApplySlaPolicy(live, new SlaPolicyApplied(Agent, Now, "standard", "Standard", targets, 0.75) { Revision = "r1" })));
        events.AddRange(Apply(live, TicketDecider.RecordSlaCrossings(live, Agent, Now.AddMinutes(5))));
        events.AddRange(Apply(live, TicketDecider.AddMessage(live, new AddMessage("Hi", MessageVisibility.Public, Agent), Now)));
        events.AddRange(Apply(live, TicketDecider.AddMessage(live, new AddMessage("note", MessageVisibility.Internal, Agent), Now)));
        events.AddRange(Apply(live, TicketDecider.AddMessage(live, new AddMessage("thanks", MessageVisibility.Public, Customer), Now)));
        events.AddRange(Apply(live, Decider.Update(live, new UpdateTicket { Status = TicketStatus.Pending, Priority = Priority.High, Assignee = new("bea"), RemoveTags = ["vip"], Fields = new Dictionary<string, string?> { ["order"] = null } }, Agent, Now)));
        events.AddRange(Apply(live, TicketDecider.LinkExternalIssue(live, new ExternalLink("jira", "OPS-1", null), Agent, Now)));
        events.AddRange(Apply(live, TicketDecider.RecordExternalUpdate(live, new RecordExternalUpdate("jira", "OPS-1", "Done", true, "Fixed in 2.4.", "Eve", "https://jira.example.com/browse/OPS-1"), Agent, Now)));
        events.AddRange(Apply(live, TicketDecider.AddMessage(live, new AddMessage("again", MessageVisibility.Public, Customer, Channel.Email, "<m2@example.com>", "<p>again</p>", ["carl@example.com"], [new Attachment(new string('b', 64), "shot.png", "image/png", 99, "img1")]), Now)));
        events.AddRange(Apply(live, TicketDecider.Escalate(live, new EscalateTicket("esc-1", "jira", Note: "VIP"), Agent, Now)));
        events.AddRange(Apply(live, TicketDecider.FailEscalation(live, "esc-1", "Jira is down.", final: false, Agent, Now)));
        events.AddRange(Apply(live, TicketDecider.CompleteEscalation(live, "esc-1", new ExternalLink("jira", "OPS-2", "https://jira.example.com/browse/OPS-2", "To Do"), Agent, Now)));
        events.AddRange(Apply(live, TicketDecider.CommentOnEscalation(live, "esc-1", "note-1", "Customer is blocked.", Agent, Now)));
        events.AddRange(Apply(live, TicketDecider.DeliverEscalationComment(live, "esc-1", "note-1", "10042", Agent, Now)));
        events.AddRange(Apply(live, TicketDecider.UnlinkExternalIssue(live, "jira", "OPS-1", Agent, Now)));
        var alert = new AlertView("alertmanager", "bef14209e40016bc", AlertStatus.Firing, 1, AlertSeverity.Critical, "Checkout errors", Now, Flapping: false, 0);
        events.AddRange(Apply(live, TicketDecider.RecordAlert(live, alert, new AlertPolicy(), Agent, Now)));
        events.AddRange(Apply(live, TicketDecider.RecordAlert(live, alert with { Status = AlertStatus.Resolved, Flapping = true, RecentStateChanges = 5 }, new AlertPolicy(), Agent, Now)));
        var context = new CustomerSnapshot(live.Requester!.Email, Now)
        {
            Found = true,
            Company = "Northwind",
            Tier = "vip",
            Vip = true,
            Region = "APAC",
            LifetimeValue = new Money(1200.5m, "EUR"),
            Attributes = new(StringComparer.Ordinal) { ["lifecyclestage"] = "customer" },
            Provenance = new(StringComparer.Ordinal) { ["company"] = "hubspot", ["tier"] = "hubspot" },
            Links = [new ExternalLink("hubspot", "151", "https://app.hubspot.com/contacts/1/record/0-1/151")],
            Records = [new CustomerRecord("odoo", CustomerRecordKind.Invoice, "9", "INV/2026/0009", "not_paid") { AmountDue = new Money(80m, "EUR"), DueAt = Now.AddDays(-3) }],
            Sources = [new ContextSource("hubspot", "crm", "profile", Now), new ContextSource("odoo", "erp", "records", Now, "timed out")],
            StaleReason = "odoo: timed out",
        };
        events.AddRange(Apply(live, TicketDecider.RecordCustomerContext(live, context, Agent, Now)));
        var meeting = new TicketMeeting("zoom", "85746065432", "Checkout errors", Now, TimeSpan.FromMinutes(30), "https://zoom.example.com/j/85746065432") { StartUrl = "https://zoom.example.com/s/85746065432?zak=x", RequestKey = "k1" };
        events.AddRange(Apply(live, TicketDecider.ScheduleMeeting(live, meeting, "Join us: https://zoom.example.com/j/85746065432", Agent, Now)));
        events.AddRange(Apply(live, TicketDecider.RecordMeetingUpdate(live, new MeetingUpdated(Agent, Now, "zoom", "85746065432", MeetingChange.Ended, Now.AddMinutes(40), TimeSpan.FromMinutes(38), UpdateId: "zoom:meeting.ended:u:1"))));

        events.AddRange(Apply(live, Decider.Update(live, new UpdateTicket { Status = TicketStatus.Solved }, Agent, Now)));
        events.AddRange(Apply(live, TicketDecider.RateSatisfaction(live, live.Version, SatisfactionRating.Good, "Thanks", Now)));

        var replayed = new TicketState();
        foreach (var @event in events)
        {
            var restored = TicketEventJson.Deserialize(TicketEventTypes.NameOf(@event), TicketEventJson.Serialize(@event));
            Assert.Equal(TicketEventJson.Serialize(@event), TicketEventJson.Serialize(restored));
            replayed.Apply(restored);
        }

        Assert.Equal(JsonSerializer.Serialize(live), JsonSerializer.Serialize(replayed));
        Assert.Equal(TicketEventTypes.Names.Count(), events.Select(e => e.GetType()).Distinct().Count());
    }

    [Fact]
    public void Stored_names_are_stable()
    {
        // These strings are in databases already: renaming one would make old events unreadable.
        Assert.Equal(
            ["agent-replied", "alert-flapping-changed", "alert-occurred", "alert-status-changed", "assigned", "customer-context-updated", "customer-replied", "escalated", "escalation-comment-added", "escalation-comment-delivered", "escalation-failed", "escalation-requested", "external-issue-linked", "external-issue-unlinked", "external-issue-updated", "fields-changed", "internal-note-added", "meeting-scheduled", "meeting-updated", "priority-changed", "satisfaction-rated", "sla-breached", "sla-policy-applied", "sla-warning", "status-changed", "tags-changed", "ticket-opened"],
            TicketEventTypes.Names.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_customer_reply_stored_before_channels_and_message_ids_is_still_read()
    {
        const string stored = """{"actor":{"kind":"customer","id":"ana@example.com"},"at":"2026-01-01T00:00:00+00:00","body":"Hi"}""";

        var replied = Assert.IsType<CustomerReplied>(TicketEventJson.Deserialize("customer-replied", stored));

        Assert.Equal(("Hi", (Channel?)null, (string?)null), (replied.Body, replied.Channel, replied.MessageId));
    }

    [Fact]
    public void An_event_written_by_an_older_version_is_still_read()
    {
        const string stored = """{"actor":{"kind":"agent","id":"a1"},"at":"2026-01-01T00:00:00+00:00","from":"open","to":"on-hold"}""";

        var changed = Assert.IsType<StatusChanged>(TicketEventJson.Deserialize("status-changed", stored));

        Assert.Equal(TicketStatus.OnHold, changed.To);
    }
}

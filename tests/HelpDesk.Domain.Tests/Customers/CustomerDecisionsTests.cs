using HelpDesk.Domain.Commands;
using HelpDesk.Domain.Customers;
using HelpDesk.Domain.Events;
using HelpDesk.Domain.Meetings;
using HelpDesk.Domain.Rules;
using HelpDesk.Domain.Tickets;
using static HelpDesk.Domain.Tests.Builders;

namespace HelpDesk.Domain.Tests.Customers;

public sealed class CustomerDecisionsTests
{
    private static CustomerSnapshot Context(TicketState ticket, string tier = "vip", string region = "APAC") =>
        new(ticket.Requester!.Email, Now) { Found = true, Company = "Hanbit Media", Tier = tier, Region = region, Vip = tier == "vip", Owner = "Jiwoo Han" };

    private static TicketMeeting Meeting(string id = "85746065432", string key = "k1") =>
        new("zoom", id, "Checkout errors", Now, TimeSpan.FromMinutes(30), $"https://zoom.example.com/j/{id}?pwd=x") { StartUrl = $"https://zoom.example.com/s/{id}?zak=secret", RequestKey = key };

    [Fact]
    public void A_context_is_recorded_once_and_again_only_when_it_says_something_new()
    {
        var ticket = Opened();

        var first = Apply(ticket, TicketDecider.RecordCustomerContext(ticket, Context(ticket), Agent, Now));
        var same = Apply(ticket, TicketDecider.RecordCustomerContext(ticket, Context(ticket) with { FetchedAt = Now.AddMinutes(10) }, Agent, Now.AddMinutes(10)));
        var changed = Apply(ticket, TicketDecider.RecordCustomerContext(ticket, Context(ticket, tier: "premium"), Agent, Now.AddMinutes(20)));

        Assert.IsType<CustomerContextUpdated>(Assert.Single(first));
        Assert.Empty(same);
        Assert.Single(changed);
        Assert.Equal("premium", ticket.Customer!.Tier);
    }

    [Fact]
    public void A_lookup_that_finishes_late_never_replaces_a_newer_context()
    {
        var ticket = Opened();
        Apply(ticket, TicketDecider.RecordCustomerContext(ticket, Context(ticket, tier: "premium") with { FetchedAt = Now.AddMinutes(5) }, Agent, Now.AddMinutes(5)));

        var older = Apply(ticket, TicketDecider.RecordCustomerContext(ticket, Context(ticket, tier: "standard"), Agent, Now.AddMinutes(6)));

        Assert.Empty(older);
        Assert.Equal("premium", ticket.Customer!.Tier);
    }

    [Fact]
    public void A_context_for_someone_else_is_refused()
    {
        var ticket = Opened();

        var decision = TicketDecider.RecordCustomerContext(ticket, new CustomerSnapshot("other@example.com", Now), Agent, Now);

        Assert.Equal("email", decision.Rejection?.Field);
    }

    [Fact]
    public void Rules_read_the_context_with_the_teams_own_segment_and_region_first()
    {
        var ticket = Opened();
        Apply(ticket, TicketDecider.RecordCustomerContext(ticket, Context(ticket) with
        {
            Segment = "smb",
            Records = [new CustomerRecord("odoo", CustomerRecordKind.Invoice, "1", "INV/1", "not_paid") { AmountDue = new Money(5, "EUR"), DueAt = Now.AddDays(-1) }],
            Attributes = new(StringComparer.Ordinal) { ["lifecyclestage"] = "customer" },
        }, Agent, Now));

        var fromProviders = CustomerContext.Of(ticket, stored: null, Now)!;
        var withTeamRecord = CustomerContext.Of(ticket, new CustomerContext(ticket.Requester!.Email, "enterprise", null), Now)!;

        Assert.Equal(["vip"], RuleFields.Read(ticket, "customer.tier", fromProviders));
        Assert.Equal(["true"], RuleFields.Read(ticket, "customer.vip", fromProviders));
        Assert.Equal(["Jiwoo Han"], RuleFields.Read(ticket, "customer.owner", fromProviders));
        Assert.Equal(["customer"], RuleFields.Read(ticket, "customer.attributes.lifecyclestage", fromProviders));
        Assert.Equal(1, RuleFields.Hours(ticket, "customer.overdueInvoices", Now, fromProviders));
        Assert.Equal(["smb"], RuleFields.Read(ticket, "customer.segment", fromProviders));
        Assert.Equal(["enterprise"], RuleFields.Read(ticket, "customer.segment", withTeamRecord));
        Assert.Equal(["APAC"], RuleFields.Read(ticket, "customer.region", withTeamRecord));
    }

    [Fact]
    public void A_meeting_and_its_invitation_are_recorded_together_and_a_repeat_records_nothing()
    {
        var ticket = Opened();

        var events = Apply(ticket, TicketDecider.ScheduleMeeting(ticket, Meeting(), "Join: https://zoom.example.com/j/85746065432?pwd=x", Agent, Now));
        var again = Apply(ticket, TicketDecider.ScheduleMeeting(ticket, Meeting(id: "99999999999"), "Join again", Agent, Now));

        Assert.Collection(events, e => Assert.IsType<MeetingScheduled>(e), e => Assert.IsType<AgentReplied>(e), e => Assert.IsType<StatusChanged>(e));
        Assert.Empty(again);
        Assert.Equal(MeetingStatus.Scheduled, Assert.Single(ticket.Meetings).Status);
    }

    [Fact]
    public void A_meeting_update_is_recorded_once_per_delivery_and_only_for_the_tickets_own_meetings()
    {
        var ticket = Opened();
        Apply(ticket, TicketDecider.ScheduleMeeting(ticket, Meeting(), invitation: null, Agent, Now));
        var started = new MeetingUpdated(Agent, Now, "zoom", "85746065432", MeetingChange.Started, Now.AddMinutes(2), UpdateId: "a");
        var ended = new MeetingUpdated(Agent, Now, "zoom", "85746065432", MeetingChange.Ended, Now.AddMinutes(40), TimeSpan.FromMinutes(38), UpdateId: "b");

        Apply(ticket, TicketDecider.RecordMeetingUpdate(ticket, started));
        Apply(ticket, TicketDecider.RecordMeetingUpdate(ticket, ended));
        var redelivered = Apply(ticket, TicketDecider.RecordMeetingUpdate(ticket, ended));
        var unknown = TicketDecider.RecordMeetingUpdate(ticket, ended with { MeetingId = "1" });

        var lateStart = Apply(ticket, TicketDecider.RecordMeetingUpdate(ticket, started with { OccurredAt = Now.AddMinutes(3), UpdateId = "c" }));
        var badRecording = TicketDecider.RecordMeetingUpdate(ticket, ended with { Change = MeetingChange.RecordingReady, RecordingUrl = "javascript:alert(1)", UpdateId = "d" });

        Assert.Single(lateStart);
        Assert.Equal("recordingUrl", badRecording.Rejection?.Field);
        Assert.Empty(redelivered);
        Assert.Equal(RejectionKind.NotFound, unknown.Rejection?.Kind);
        var meeting = Assert.Single(ticket.Meetings);
        Assert.Equal((MeetingStatus.Ended, TimeSpan.FromMinutes(38), Now.AddMinutes(2)), (meeting.Status, meeting.Lasted, meeting.StartedAt));
        Assert.Null(meeting.ForCustomer().StartUrl);
    }
}

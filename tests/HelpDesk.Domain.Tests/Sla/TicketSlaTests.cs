using HelpDesk.Domain.Commands;
using HelpDesk.Domain.Events;
using HelpDesk.Domain.Sla;
using HelpDesk.Domain.Tickets;

namespace HelpDesk.Domain.Tests.Sla;

public sealed class TicketSlaTests
{
    private static readonly Actor Agent = new(ActorKind.Agent, "ana", "Ana");
    private static readonly Actor Watch = new(ActorKind.System, "sla", "SLA watch");
    private static readonly BusinessCalendar Berlin = BusinessCalendarTests.Weekdays("Europe/Berlin");

    private static DateTimeOffset Berlin_(int day, int hour) => new(2026, 11, day, hour, 0, 0, TimeSpan.FromHours(1));

    private static TicketState Opened(DateTimeOffset at, params SlaTarget[] targets)
    {
        var state = new TicketState();
        state.Apply(new TicketOpened(Agent, at, 1, "Printer", "It smokes", new Requester("ana@example.com", "Ana", null, null, null), Channel.Email, TicketType.Incident, null, Priority.High, null, null, [], new Dictionary<string, string>(), null));
        state.Apply(new SlaPolicyApplied(Watch, at, "standard", "Standard", targets, 0.75) { Revision = "1" });
        return state;
    }

    private static SlaTargetStatus Target(TicketState state, SlaTargetKind kind, DateTimeOffset now) =>
        state.Sla!.Evaluate(state, now).Single(t => t.Kind == kind);

    [Fact]
    public void A_pending_pause_of_two_business_days_pushes_the_due_time_by_two_business_days()
    {
        var state = Opened(Berlin_(23, 9), new SlaTarget(SlaTargetKind.Resolution, TimeSpan.FromHours(16), Berlin));
        Assert.Equal(Berlin_(24, 16), Target(state, SlaTargetKind.Resolution, Berlin_(23, 10)).DueAt);

        state.Apply(new StatusChanged(Agent, Berlin_(24, 10), TicketStatus.New, TicketStatus.Pending));
        Assert.Equal(SlaState.Paused, Target(state, SlaTargetKind.Resolution, Berlin_(25, 12)).State);
        Assert.Null(Target(state, SlaTargetKind.Resolution, Berlin_(25, 12)).DueAt);

        state.Apply(new StatusChanged(Agent, Berlin_(26, 10), TicketStatus.Pending, TicketStatus.Open));
        Assert.Equal(Berlin_(26, 16), Target(state, SlaTargetKind.Resolution, Berlin_(26, 11)).DueAt);
    }

    [Fact]
    public void First_response_is_met_by_the_first_public_agent_reply_and_next_response_runs_from_a_customer_reply()
    {
        var state = Opened(Berlin_(23, 9), new SlaTarget(SlaTargetKind.FirstResponse, TimeSpan.FromHours(2), Berlin), new SlaTarget(SlaTargetKind.NextResponse, TimeSpan.FromHours(4), Berlin));
        Assert.Null(Target(state, SlaTargetKind.NextResponse, Berlin_(23, 9)).StartedAt);

        state.Apply(new AgentReplied(Agent, Berlin_(23, 10), "On it"));
        state.Apply(new CustomerReplied(new Actor(ActorKind.Customer, "ana@example.com"), Berlin_(23, 17), "Still smoking", null, null));

        Assert.Equal(SlaState.Met, Target(state, SlaTargetKind.FirstResponse, Berlin_(23, 17)).State);
        var next = Target(state, SlaTargetKind.NextResponse, Berlin_(24, 11));
        Assert.Equal((SlaState.Warning, Berlin_(24, 12)), (next.State, next.DueAt));

        state.Apply(new AgentReplied(Agent, Berlin_(24, 11), "Technician sent"));
        Assert.Null(Target(state, SlaTargetKind.NextResponse, Berlin_(24, 13)).StartedAt);
    }

    [Fact]
    public void The_watch_records_a_warning_and_a_breach_exactly_once_each()
    {
        var state = Opened(Berlin_(23, 9), new SlaTarget(SlaTargetKind.FirstResponse, TimeSpan.FromHours(4), Berlin));

        Assert.Empty(TicketDecider.RecordSlaCrossings(state, Watch, Berlin_(23, 11)).Events);
        var warned = TicketDecider.RecordSlaCrossings(state, Watch, Berlin_(23, 12)).Events;
        Assert.IsType<SlaWarning>(Assert.Single(warned));
        Apply(state, warned);
        Assert.Empty(TicketDecider.RecordSlaCrossings(state, Watch, Berlin_(23, 12)).Events);

        var breached = TicketDecider.RecordSlaCrossings(state, Watch, Berlin_(23, 14)).Events;
        var breach = Assert.IsType<SlaBreached>(Assert.Single(breached));
        Assert.Equal(Berlin_(23, 13), breach.DueAt);
        Apply(state, breached);
        Assert.Empty(TicketDecider.RecordSlaCrossings(state, Watch, Berlin_(25, 9)).Events);
        Assert.Equal(SlaState.Breached, TicketSla.Overall(state.Sla!.Evaluate(state, Berlin_(25, 9))));
        Assert.Null(state.Sla.NextCheck(state.Sla.Evaluate(state, Berlin_(25, 9))));
    }

    [Fact]
    public void A_ticket_checked_late_records_its_warning_then_its_breach()
    {
        var state = Opened(Berlin_(23, 9), new SlaTarget(SlaTargetKind.FirstResponse, TimeSpan.FromHours(1), Berlin));

        var events = TicketDecider.RecordSlaCrossings(state, Watch, Berlin_(23, 15)).Events;

        Assert.Equal([typeof(SlaWarning), typeof(SlaBreached)], events.Select(e => e.GetType()));
    }

    [Fact]
    public void Reapplying_the_same_policy_revision_changes_nothing_and_a_new_revision_keeps_what_was_recorded()
    {
        var target = new SlaTarget(SlaTargetKind.FirstResponse, TimeSpan.FromHours(1), Berlin);
        var state = Opened(Berlin_(23, 9), target);
        Apply(state, TicketDecider.RecordSlaCrossings(state, Watch, Berlin_(23, 15)).Events);

        Assert.Empty(TicketDecider.ApplySlaPolicy(state, new SlaPolicyApplied(Watch, Berlin_(23, 16), "standard", "Standard", [target], 0.75) { Revision = "1" }).Events);
        var revised = TicketDecider.ApplySlaPolicy(state, new SlaPolicyApplied(Watch, Berlin_(23, 16), "standard", "Standard", [target with { Duration = TimeSpan.FromHours(2) }], 0.75) { Revision = "2" }).Events;
        Apply(state, revised);

        Assert.Empty(TicketDecider.RecordSlaCrossings(state, Watch, Berlin_(23, 17)).Events);
    }

    private static void Apply(TicketState state, IEnumerable<TicketEvent> events)
    {
        foreach (var e in events)
        {
            state.Apply(e);
        }
    }
}

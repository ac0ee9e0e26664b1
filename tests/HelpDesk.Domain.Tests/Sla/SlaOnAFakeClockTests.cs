using HelpDesk.Domain.Commands;
using HelpDesk.Domain.Events;
using HelpDesk.Domain.Sla;
using HelpDesk.Domain.Tickets;
using Microsoft.Extensions.Time.Testing;

namespace HelpDesk.Domain.Tests.Sla;

/// <summary>The SLA clocks as the hub runs them: every decision takes "now" from a <see cref="TimeProvider"/>, here a fake one moved by hand.</summary>
public sealed class SlaOnAFakeClockTests
{
    private static readonly Actor Agent = new(ActorKind.Agent, "ana", "Ana");
    private static readonly Actor Watch = new(ActorKind.System, "sla", "SLA watch");
    private static readonly TicketDecider Decider = new(PriorityMatrix.Default);

    private static DateTimeOffset Local(string zone, int year, int month, int day, int hour, int minute = 0)
    {
        var local = new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, TimeZoneInfo.FindSystemTimeZoneById(zone).GetUtcOffset(local));
    }

    private static TicketState Open(FakeTimeProvider clock, string? requesterZone, SlaTarget target)
    {
        var state = new TicketState();
        var opened = Decider.Open(state, 1, new OpenTicket("Printer", "It smokes", new Requester("ana@example.com", "Ana", null, requesterZone, null)), Agent, clock.GetUtcNow());
        foreach (var @event in opened.Events)
        {
            state.Apply(@event);
        }

        state.Apply(Assert.Single(TicketDecider.ApplySlaPolicy(state, new SlaPolicyApplied(Watch, clock.GetUtcNow(), "standard", "Standard", [target], 0.75) { Revision = "1" }).Events));
        return state;
    }

    private static List<TicketEvent> WatchPass(TicketState state, FakeTimeProvider clock)
    {
        var events = TicketDecider.RecordSlaCrossings(state, Watch, clock.GetUtcNow()).Events.ToList();
        events.ForEach(state.Apply);
        return events;
    }

    [Fact]
    public void Opened_friday_17_50_in_berlin_it_warns_monday_11_50_breaches_after_12_50_and_records_each_once()
    {
        var clock = new FakeTimeProvider(Local("Europe/Berlin", 2026, 11, 20, 17, 50));
        var state = Open(clock, "Europe/Berlin", new SlaTarget(SlaTargetKind.FirstResponse, TimeSpan.FromHours(4), BusinessCalendarTests.Weekdays("Europe/Berlin")));

        Assert.Equal(Local("Europe/Berlin", 2026, 11, 23, 12, 50), state.Sla!.Evaluate(state, clock.GetUtcNow()).Single().DueAt);

        clock.Advance(TimeSpan.FromDays(2));
        Assert.Empty(WatchPass(state, clock));

        clock.SetUtcNow(Local("Europe/Berlin", 2026, 11, 23, 11, 50));
        Assert.IsType<SlaWarning>(Assert.Single(WatchPass(state, clock)));
        Assert.Empty(WatchPass(state, clock));

        clock.Advance(TimeSpan.FromMinutes(61));
        Assert.IsType<SlaBreached>(Assert.Single(WatchPass(state, clock)));
        clock.Advance(TimeSpan.FromHours(5));
        Assert.Empty(WatchPass(state, clock));
    }

    [Fact]
    public void Two_business_days_pending_on_the_clock_move_the_due_time_two_business_days()
    {
        var clock = new FakeTimeProvider(Local("Europe/Berlin", 2026, 11, 23, 9, 0));
        var state = Open(clock, null, new SlaTarget(SlaTargetKind.Resolution, TimeSpan.FromHours(16), BusinessCalendarTests.Weekdays("Europe/Berlin", 9, 17)));
        Assert.Equal(Local("Europe/Berlin", 2026, 11, 24, 17, 0), state.Sla!.Evaluate(state, clock.GetUtcNow()).Single().DueAt);

        clock.Advance(TimeSpan.FromHours(1));
        foreach (var @event in Decider.Update(state, new UpdateTicket { Status = TicketStatus.Pending }, Agent, clock.GetUtcNow()).Events)
        {
            state.Apply(@event);
        }

        clock.Advance(TimeSpan.FromDays(2));
        foreach (var @event in Decider.Update(state, new UpdateTicket { Status = TicketStatus.Open }, Agent, clock.GetUtcNow()).Events)
        {
            state.Apply(@event);
        }

        Assert.Equal(Local("Europe/Berlin", 2026, 11, 26, 17, 0), state.Sla.Evaluate(state, clock.GetUtcNow()).Single().DueAt);
    }

    [Fact]
    public void A_requester_in_seoul_served_from_sao_paulo_is_due_on_sao_paulo_hours_whatever_the_requesters_zone()
    {
        // Monday 09:00 in Seoul is Sunday 21:00 in Sao Paulo: the clock starts Monday 09:00 there.
        var clock = new FakeTimeProvider(Local("Asia/Seoul", 2026, 11, 23, 9, 0));
        var target = new SlaTarget(SlaTargetKind.FirstResponse, TimeSpan.FromHours(4), BusinessCalendarTests.Weekdays("America/Sao_Paulo"));
        var fromSeoul = Open(clock, "Asia/Seoul", target);
        var fromNowhere = Open(clock, null, target);

        var due = fromSeoul.Sla!.Evaluate(fromSeoul, clock.GetUtcNow()).Single().DueAt;

        Assert.Equal(Local("America/Sao_Paulo", 2026, 11, 23, 13, 0), due);
        Assert.Equal(Local("Asia/Seoul", 2026, 11, 24, 1, 0), due);
        Assert.Equal(due, fromNowhere.Sla!.Evaluate(fromNowhere, clock.GetUtcNow()).Single().DueAt);
    }
}

using HelpDesk.Core.Sla;
using HelpDesk.Domain.Commands;
using HelpDesk.Domain.Events;
using HelpDesk.Domain.Rules;
using HelpDesk.Domain.Sla;
using HelpDesk.Domain.Tickets;

namespace HelpDesk.Core.Tests.Storage;

public abstract partial class StoreContractTests
{
    private static readonly BusinessCalendar Seoul = new("seoul", "Seoul desk", "Asia/Seoul",
        [new Shift(DayOfWeek.Monday, new TimeOnly(9, 0), new TimeOnly(12, 0)), new Shift(DayOfWeek.Monday, new TimeOnly(13, 0), TimeOnly.MinValue)],
        [new Holiday(new DateOnly(2026, 12, 25), "Christmas")]);

    [Fact]
    public async Task Calendars_and_policies_round_trip_and_a_saved_policy_gets_a_new_revision()
    {
        var store = new SlaStore(Database, Clock);
        await store.SaveCalendarAsync(Seoul, CancellationToken.None);
        var condition = new RuleCondition("priority", RuleOperator.In, System.Text.Json.JsonDocument.Parse("""["high","urgent"]""").RootElement.Clone());
        var (created, first) = await store.SavePolicyAsync(new SlaPolicy("p1", "Priority", [condition], [new SlaPolicyTarget(SlaTargetKind.FirstResponse, 60, "seoul")]), CancellationToken.None);
        var (again, second) = await store.SavePolicyAsync(first, CancellationToken.None);

        var calendar = (await store.GetCalendarAsync("seoul", CancellationToken.None))!;
        Assert.Equal(Seoul.Shifts, calendar.Shifts);
        Assert.Equal(Seoul.Holidays, calendar.Holidays);
        Assert.True(created);
        Assert.False(again);
        Assert.NotEqual(first.Revision, second.Revision);
        var policy = Assert.Single(await store.ListPoliciesAsync(CancellationToken.None));
        Assert.Equal((second.Revision, "seoul", "priority"), (policy.Revision, policy.Targets[0].CalendarId, policy.Conditions[0].Field));
        Assert.True(await store.DeleteCalendarAsync("seoul", CancellationToken.None));
    }

    [Fact]
    public async Task A_tickets_sla_is_kept_in_the_projection_and_the_watch_finds_it_by_its_next_check()
    {
        var store = new SlaStore(Database, Clock);
        var ticket = await OpenTicketAsync();
        var at = Clock.GetUtcNow();
        var target = new SlaTarget(SlaTargetKind.Resolution, TimeSpan.FromHours(1), BusinessCalendar.AlwaysOpen);
        await AppendedAsync(ticket.Decide(state => TicketDecider.ApplySlaPolicy(state, new SlaPolicyApplied(TicketHistory.Agent, at, "p1", "Policy", [target], 0.75) { Revision = "r1" })));

        var read = (await Queries.GetAsync(ticket.Number, CancellationToken.None))!;
        Assert.Equal(("p1", "r1", TimeSpan.FromHours(1)), (read.Sla!.PolicyId, read.Sla.Revision, read.Sla.Targets[0].Duration));
        Assert.Empty(await store.DueForCheckAsync(at.AddMinutes(44), 10, CancellationToken.None));
        Assert.Equal([ticket.Number], await store.DueForCheckAsync(at.AddMinutes(46), 10, CancellationToken.None));

        await AppendedAsync(ticket.Update(new UpdateTicket { Status = TicketStatus.Pending }));
        Assert.Empty(await store.DueForCheckAsync(at.AddDays(2), 10, CancellationToken.None));
        Assert.Single((await Queries.GetAsync(ticket.Number, CancellationToken.None))!.SlaPauses);
    }
}

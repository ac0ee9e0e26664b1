using System.Text.Json;
using HelpDesk.Core.Queries;
using HelpDesk.Core.Rules;
using HelpDesk.Core.Tests.Sla;
using HelpDesk.Core.Tickets;
using HelpDesk.Domain.Commands;
using HelpDesk.Domain.Events;
using HelpDesk.Domain.Rules;
using HelpDesk.Domain.Tickets;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace HelpDesk.Core.Tests.Rules;

/// <summary>Time-based rules checked by their job on a clock moved ahead: they act once per ticket, as the rule, and only where their conditions hold.</summary>
public sealed class TimeRulesTests(SlaClusterFixture fixture) : IClassFixture<SlaClusterFixture>
{
    private static readonly Actor Agent = new(ActorKind.Agent, "ana", "Ana");

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();

    [Fact]
    public async Task A_ticket_pending_for_three_days_is_reminded_once_and_one_pending_for_a_week_is_solved()
    {
        var rules = fixture.SiloService<RulesStore>();
        await rules.SaveAsync(new Rule("remind", "Remind after 3 days pending", RuleTrigger.Time,
            [new("status", RuleOperator.Is, Json("\"pending\"")), new("hoursSinceUpdated", RuleOperator.GreaterThan, Json("72")), new("tags", RuleOperator.NotContains, Json("\"reminded\""))],
            [new("add-tags", Json("\"reminded\"")), new("add-note", Json("\"Reminder sent: waiting on the customer for 3 days.\""))]), CancellationToken.None);
        await rules.SaveAsync(new Rule("auto-solve", "Solve after 7 days pending", RuleTrigger.Time,
            [new("status", RuleOperator.Is, Json("\"pending\"")), new("hoursSinceUpdated", RuleOperator.GreaterThan, Json("168"))],
            [new("set-status", Json("\"solved\""))]) { Position = 20 }, CancellationToken.None);
        var commands = fixture.SiloService<TicketCommands>();
        var pending = (await commands.OpenAsync(new OpenTicket("Waiting", "x", new Requester("wait@example.com", null, null, null, null)), Agent, null, null, CancellationToken.None)).Ticket!.Number;
        await commands.UpdateAsync(pending, new UpdateTicket { Status = TicketStatus.Pending }, Agent, null);
        var open = (await commands.OpenAsync(new OpenTicket("Active", "x", new Requester("active@example.com", null, null, null, null)), Agent, null, null, CancellationToken.None)).Ticket!.Number;
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddHours(73));
        var job = new TimeRules(rules, fixture.SiloService<TicketQueries>(), fixture.SiloService<RuleEngine>(), fixture.SiloService<HelpDesk.Core.Customers.CustomerStore>(), clock, NullLogger<TimeRules>.Instance);

        Assert.Equal(1, await job.PassAsync(CancellationToken.None));
        Assert.Equal(0, await job.PassAsync(CancellationToken.None));
        clock.Advance(TimeSpan.FromDays(8));
        Assert.Equal(1, await job.PassAsync(CancellationToken.None));

        var events = (await fixture.Store.ReadTicketAsync(pending, CancellationToken.None)).Select(e => e.Event).ToList();
        Assert.Single(events, e => e is TagsChanged && e.Actor.Id == "rule:remind");
        Assert.Contains(events, e => e is StatusChanged { To: TicketStatus.Solved } && e.Actor.Id == "rule:auto-solve");
        Assert.DoesNotContain((await fixture.Store.ReadTicketAsync(open, CancellationToken.None)).Select(e => e.Event), e => e.Actor.Id.StartsWith("rule:", StringComparison.Ordinal));
    }
}

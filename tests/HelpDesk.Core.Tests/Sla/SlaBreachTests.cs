using System.Text.Json;
using HelpDesk.Core.Queries;
using HelpDesk.Core.Rules;
using HelpDesk.Core.Sla;
using HelpDesk.Core.Storage;
using HelpDesk.Core.Tickets;
using HelpDesk.Domain.Commands;
using HelpDesk.Domain.Events;
using HelpDesk.Domain.Rules;
using HelpDesk.Domain.Sla;
using HelpDesk.Domain.Tickets;
using HelpDesk.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace HelpDesk.Core.Tests.Sla;

/// <summary>
/// The SLA path in a real silo on a fake clock: the policy applies from the event feed, the watch records the breach
/// exactly once however often it runs, and a rule reacts to the breach, named in the ticket's events.
/// </summary>
public sealed class SlaBreachTests(SlaClusterFixture fixture) : IClassFixture<SlaClusterFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private static readonly Actor Agent = new(ActorKind.Agent, "ana", "Ana");

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();

    [Fact]
    public async Task A_breach_is_recorded_exactly_once_and_a_rule_raises_the_priority_and_reassigns_naming_itself()
    {
        var sla = fixture.SiloService<SlaStore>();
        var queries = fixture.SiloService<TicketQueries>();
        await sla.SavePolicyAsync(
            new SlaPolicy("vip", "VIP", [new RuleCondition("tags", RuleOperator.Contains, Json("\"vip\""))], [new SlaPolicyTarget(SlaTargetKind.FirstResponse, 120)]),
            CancellationToken.None);
        // The rule stays in the silo for the class's other tests, so it names VIP tickets: on theirs its actions, stamped
        // by the real clock, would move the projection's SLA state back before the watch's fake-clock breach.
        await fixture.SiloService<RulesStore>().SaveAsync(
            new Rule("breach-escalation", "Breached VIP tickets go to the duty manager", RuleTrigger.SlaBreached,
                [new RuleCondition("tags", RuleOperator.Contains, Json("\"vip\"")), new RuleCondition("priority", RuleOperator.IsNot, Json("\"urgent\""))],
                [new RuleAction("set-priority", Json("\"urgent\"")), new RuleAction("assign", Json("\"duty-manager\"")), new RuleAction("add-note", Json("\"First response breached: raised and reassigned.\""))]),
            CancellationToken.None);

        var opened = await fixture.SiloService<TicketCommands>().OpenAsync(
            new OpenTicket("Checkout down", "Nothing works", new Requester("cto@bigcorp.example", "CTO", null, null, "BigCorp"), Tags: ["vip"]), Agent, null, null, CancellationToken.None);
        var number = opened.Ticket!.Number;
        await Eventually.TrueAsync(async () => (await queries.GetAsync(number, CancellationToken.None))?.Sla is not null, Patience);

        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var watch = fixture.Watch(clock);
        clock.Advance(TimeSpan.FromMinutes(100));
        await watch.PassAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(30));
        await watch.PassAsync(CancellationToken.None);
        await watch.PassAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromHours(5));
        await watch.PassAsync(CancellationToken.None);

        // The rule's actions land one after another; the note is the last of them, and the projection follows the log.
        await Eventually.TrueAsync(async () => (await EventsAsync(number)).OfType<InternalNoteAdded>().Any(e => e.Actor.Id == "rule:breach-escalation"), Patience);
        await Eventually.TrueAsync(async () => (await queries.GetAsync(number, CancellationToken.None))?.Assignee == "duty-manager", Patience);
        var events = await EventsAsync(number);
        Assert.Single(events.OfType<SlaWarning>());
        var breach = Assert.Single(events.OfType<SlaBreached>());
        Assert.Equal((SlaTargetKind.FirstResponse, opened.Ticket.CreatedAt.AddMinutes(120)), (breach.Kind, breach.DueAt));
        var byRule = events.Where(e => e.Actor.Id == "rule:breach-escalation").ToList();
        Assert.Equal([typeof(PriorityChanged), typeof(Assigned), typeof(InternalNoteAdded)], byRule.Select(e => e.GetType()));
        Assert.All(byRule, e => Assert.Equal("Breached VIP tickets go to the duty manager", e.Actor.Name));
        var ticket = (await queries.GetAsync(number, CancellationToken.None))!;
        Assert.Equal(Priority.Urgent, ticket.Priority);
        Assert.Empty(await sla.DueForCheckAsync(clock.GetUtcNow(), 10, CancellationToken.None));
    }

    [Fact]
    public async Task The_list_finds_breached_and_warning_tickets_and_sorts_by_due_time()
    {
        var sla = fixture.SiloService<SlaStore>();
        var queries = fixture.SiloService<TicketQueries>();
        await sla.SavePolicyAsync(new SlaPolicy("fast", "Fast", [new RuleCondition("tags", RuleOperator.Contains, Json("\"fast\""))], [new SlaPolicyTarget(SlaTargetKind.Resolution, 60)]) { Position = -2 }, CancellationToken.None);
        await sla.SavePolicyAsync(new SlaPolicy("slow", "Slow", [new RuleCondition("tags", RuleOperator.Contains, Json("\"slow\""))], [new SlaPolicyTarget(SlaTargetKind.Resolution, 90)]) { Position = -1 }, CancellationToken.None);
        var commands = fixture.SiloService<TicketCommands>();
        async Task<long> OpenAsync(string tag) =>
            (await commands.OpenAsync(new OpenTicket($"Sorting {tag}", "x", new Requester($"{tag}@example.com", null, null, null, null), Tags: ["sorting", tag]), Agent, null, null, CancellationToken.None)).Ticket!.Number;
        var none = await OpenAsync("none");
        var slow = await OpenAsync("slow");
        var fast = await OpenAsync("fast");

        await Eventually.TrueAsync(async () => (await queries.GetAsync(slow, CancellationToken.None))?.Sla is not null && (await queries.GetAsync(fast, CancellationToken.None))?.Sla is not null, Patience);
        await fixture.Watch(new FakeTimeProvider(DateTimeOffset.UtcNow.AddMinutes(75))).PassAsync(CancellationToken.None);
        // The watch records the breach and the warning on the grains; the list reads the projection, which follows the feed.
        async Task<long[]> InStateAsync(SlaState state) =>
            [.. (await queries.ListAsync(new TicketQuery { Tag = "sorting", SlaStates = [state] }, CancellationToken.None)).Items.Select(t => t.Number)];
        await Eventually.TrueAsync(async () => (await InStateAsync(SlaState.Breached)).Length > 0 && (await InStateAsync(SlaState.Warning)).Length > 0, Patience);

        var byDue = await queries.ListAsync(new TicketQuery { Tag = "sorting", Sort = new TicketSort(TicketSortField.DueAt, false) }, CancellationToken.None);

        Assert.Equal([fast, slow, none], byDue.Items.Select(t => t.Number));
        Assert.Equal([fast], await InStateAsync(SlaState.Breached));
        Assert.Equal([slow], await InStateAsync(SlaState.Warning));
    }

    private async Task<List<TicketEvent>> EventsAsync(long number) =>
        [.. (await fixture.Store.ReadTicketAsync(number, CancellationToken.None)).Select(e => e.Event)];
}

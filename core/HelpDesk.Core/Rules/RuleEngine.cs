using System.Security.Cryptography;
using System.Text;
using HelpDesk.Core.Customers;
using HelpDesk.Core.EventFeed;
using HelpDesk.Core.Queries;
using HelpDesk.Core.Routing;
using HelpDesk.Core.Storage;
using HelpDesk.Core.Tickets;
using HelpDesk.Domain.Commands;
using HelpDesk.Domain.Escalations;
using HelpDesk.Domain.Events;
using HelpDesk.Domain.Routing;
using HelpDesk.Domain.Rules;
using HelpDesk.Domain.Tickets;
using Microsoft.Extensions.Logging;

namespace HelpDesk.Core.Rules;

/// <summary>
/// Runs event-triggered rules from the durable event feed: for each ticket event, the enabled rules of its trigger, in
/// order, against the ticket as it stands; each rule that matches acts as itself (actor <c>rule:{id}</c>, named), so
/// the ticket's events say which rule did what. A rule never reacts to its own events, and to other rules' events only
/// when it comes after them in order: chains of rules always end.
/// </summary>
public sealed class RuleEngine(RulesStore rules, TicketQueries queries, TicketCommands commands, CustomerStore customers, IGrainFactory grains, TimeProvider time, ILogger<RuleEngine> logger)
    : IEventSubscriber
{
    // One command can make several events (priority and tags at once): "updated" rules look once per command.
    private (long Ticket, string Actor, DateTimeOffset At)? _lastUpdate;

    public string Name => "rules";

    public async Task HandleAsync(StoredTicketEvent @event, int attempt, CancellationToken cancellationToken)
    {
        if (TriggerOf(@event.Event) is not { } trigger || IsSameCommandAsLast(@event, trigger))
        {
            return;
        }

        var candidates = await rules.EnabledAsync(trigger, cancellationToken);
        if (candidates.Count == 0)
        {
            return;
        }

        var causing = await CausingRuleAsync(@event.Event.Actor, cancellationToken);
        CustomerContext? stored = null;
        foreach (var rule in candidates.Where(r => causing is null || ComesAfter(r, causing)))
        {
            if (await queries.GetAsync(@event.Ticket, cancellationToken) is not { } ticket || ticket.Status == TicketStatus.Closed)
            {
                return;
            }

            var now = time.GetUtcNow();
            stored ??= await customers.GetAsync(ticket.Requester?.Email, cancellationToken);
            if (RuleConditions.AllHold(rule, ticket, now, CustomerContext.Of(ticket, stored, now)))
            {
                await ApplyAsync(rule, ticket, @event.Version, cancellationToken);
            }
        }
    }

    /// <summary>Carries out a matching rule's actions on the ticket; a refused action is logged, the rest still happen.</summary>
    public async Task ApplyAsync(Rule rule, TicketState ticket, int version, CancellationToken cancellationToken)
    {
        var actor = new Actor(ActorKind.System, rule.ActorId, rule.Name);
        var plan = RuleActions.Plan(rule);
        if (plan.Update is { } update && (await commands.UpdateAsync(ticket.Number, update, actor, expectedVersion: null)).Rejection is { } refused)
        {
            logger.LogWarning("Rule {Rule} could not update ticket {Ticket}: {Field}: {Reason}", rule.Id, ticket.Number, refused.Field, refused.Message);
        }

        foreach (var note in plan.Notes)
        {
            await commands.AddMessageAsync(ticket.Number, new AddMessage(note, MessageVisibility.Internal, actor), expectedVersion: null);
        }

        if (plan.AssignByQueue && (await queries.GetAsync(ticket.Number, cancellationToken))?.Queue is { } queue)
        {
            await grains.GetGrain<IQueueGrain>(queue).Assign(ticket.Number, new RoutingRequest(ticket.Requester?.Language, []));
        }

        if (plan.Escalation is { } escalation)
        {
            // The same rule firing on the same ticket version is the same escalation, so a redelivered event escalates once.
            var id = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{rule.ActorId}:{ticket.Number}:{version}")))[..32];
            var command = new EscalateTicket(id, escalation.Target, escalation.Project, escalation.IssueType, Note: escalation.Note ?? $"Escalated by rule '{rule.Name}'.");
            if ((await commands.EscalateAsync(ticket.Number, command, actor)).Rejection is { } rejection)
            {
                logger.LogWarning("Rule {Rule} could not escalate ticket {Ticket}: {Reason}", rule.Id, ticket.Number, rejection.Message);
            }
        }
    }

    public static RuleTrigger? TriggerOf(TicketEvent @event) => @event switch
    {
        TicketOpened => RuleTrigger.TicketOpened,
        Assigned or PriorityChanged or StatusChanged or TagsChanged or FieldsChanged => RuleTrigger.TicketUpdated,
        CustomerReplied => RuleTrigger.CustomerReplied,
        AlertOccurred or AlertStatusChanged => RuleTrigger.Alert,
        SlaWarning => RuleTrigger.SlaWarning,
        SlaBreached => RuleTrigger.SlaBreached,
        CustomerContextUpdated => RuleTrigger.CustomerContextUpdated,
        _ => null,
    };

    private bool IsSameCommandAsLast(StoredTicketEvent @event, RuleTrigger trigger)
    {
        if (trigger != RuleTrigger.TicketUpdated)
        {
            return false;
        }

        var key = (@event.Ticket, @event.Event.Actor.Id, @event.Event.At);
        var same = _lastUpdate == key;
        _lastUpdate = key;
        return same;
    }

    /// <summary>Rules are ordered by position, then id: a strict order, so a rule never follows itself.</summary>
    public static bool ComesAfter(Rule rule, Rule other) =>
        rule.Position > other.Position || (rule.Position == other.Position && string.CompareOrdinal(rule.Id, other.Id) > 0);

    private async Task<Rule?> CausingRuleAsync(Actor actor, CancellationToken cancellationToken)
    {
        if (!actor.Id.StartsWith(Rule.RuleActorPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        // A rule deleted since keeps a place after every other: nothing reacts to what it did.
        var id = actor.Id[Rule.RuleActorPrefix.Length..];
        return await rules.GetAsync(id, cancellationToken) ?? new Rule(id, id, RuleTrigger.TicketUpdated, [], []) { Position = int.MaxValue };
    }
}

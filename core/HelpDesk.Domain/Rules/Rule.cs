using System.Text.Json;

namespace HelpDesk.Domain.Rules;

/// <summary>What makes the hub look at a rule: a kind of ticket event, or the clock (time-based rules).</summary>
public enum RuleTrigger
{
    TicketOpened,

    /// <summary>A change to status, priority, assignment, tags or fields (not messages).</summary>
    TicketUpdated,
    CustomerReplied,
    SlaWarning,
    SlaBreached,

    /// <summary>A monitoring alert fired, repeated or resolved on the ticket.</summary>
    Alert,

    /// <summary>The requester's customer context arrived or changed (CRM tier, region, overdue invoices).</summary>
    CustomerContextUpdated,

    /// <summary>Checked periodically for every open ticket (pending for 3 days → remind).</summary>
    Time,
}

public enum RuleOperator
{
    Is,
    IsNot,
    In,
    NotIn,
    Contains,
    NotContains,
    Exists,
    NotExists,
    GreaterThan,
    LessThan,
}

/// <summary>One test on the ticket: <c>priority is urgent</c>, <c>tags not-contains vip</c>, <c>hoursSinceUpdated greater-than 72</c>.</summary>
/// <param name="Field">What is tested, from <see cref="RuleFields"/>.</param>
/// <param name="Operator">How.</param>
/// <param name="Value">Against what: a string, a number or a list of strings, as the field and operator need; none for exists.</param>
public sealed record RuleCondition(string Field, RuleOperator Operator, JsonElement? Value = null);

/// <summary>One thing a rule does: <c>set-priority urgent</c>, <c>add-tags ["vip"]</c>, <c>assign-by-queue</c>.</summary>
/// <param name="Type">What, from <see cref="RuleActions"/>.</param>
/// <param name="Value">Its argument, as the action needs.</param>
public sealed record RuleAction(string Type, JsonElement? Value = null);

/// <summary>
/// An automation rule, stored as data: when <see cref="Trigger"/> happens and every condition holds, the actions run,
/// as the rule (events name it as their actor). Rules are evaluated in <see cref="Position"/> order.
/// </summary>
public sealed record Rule(string Id, string Name, RuleTrigger Trigger, IReadOnlyList<RuleCondition> Conditions, IReadOnlyList<RuleAction> Actions)
{
    public bool Enabled { get; init; } = true;

    /// <summary>Evaluation order, lowest first; a rule only reacts to what rules before it did, so chains end.</summary>
    public int Position { get; init; }

    /// <summary>The actor id of everything the rule does: <c>rule:{id}</c>.</summary>
    public string ActorId => RuleActorPrefix + Id;

    public const string RuleActorPrefix = "rule:";
}

using System.Text.Json;
using HelpDesk.Domain.Commands;

namespace HelpDesk.Domain.Rules;

/// <summary>
/// Refuses rules that would trigger themselves without end. A rule triggered by ticket updates whose actions change the
/// ticket, or a time-based rule (looked at again on every scan), must have a condition its own actions make false,
/// such as <c>tags not-contains reminded</c> with <c>add-tags reminded</c>: otherwise it fires again on the change it
/// just made (or on the next scan), forever. At run time a rule also never reacts to its own events, and only to what
/// rules before it did, so chains of rules end.
/// </summary>
internal static class RuleLoops
{
    private static readonly Dictionary<string, string> FieldSetBy = new(StringComparer.Ordinal)
    {
        ["set-queue"] = "queue",
        ["assign"] = "assignee",
        ["set-priority"] = "priority",
        ["set-status"] = "status",
    };

    public static Rejection? Check(Rule rule)
    {
        var changesTicket = rule.Actions.Any(a => a.Type is not ("add-note" or "escalate" or "notify" or "assign-by-queue"));
        var loops = rule.Trigger switch
        {
            RuleTrigger.TicketUpdated => changesTicket,
            RuleTrigger.Time => true,
            _ => false,
        };
        if (!loops || rule.Conditions.Any(c => FalsifiedByActions(c, rule.Actions)))
        {
            return null;
        }

        return Rejection.Invalid(
            "conditions",
            rule.Trigger == RuleTrigger.Time
                ? "This time-based rule would fire again at every check: add a condition its actions make false (for example 'tags not-contains reminded' with the action 'add-tags reminded', or 'hoursSinceUpdated greater-than 72')."
                : "This rule would trigger itself without end: its actions change the ticket but make none of its conditions false. Add one they do (for example 'tags not-contains escalated' with the action 'add-tags escalated').");
    }

    private static bool FalsifiedByActions(RuleCondition condition, IReadOnlyList<RuleAction> actions)
    {
        var values = RuleActions.Strings(condition.Value);
        if (condition.Field == "tags")
        {
            var tagsChanged = actions.Where(a => a.Type == (condition.Operator == RuleOperator.NotContains ? "add-tags" : "remove-tags")).SelectMany(a => RuleActions.Strings(a.Value));
            return tagsChanged.Any(t => values.Contains(t, StringComparer.OrdinalIgnoreCase));
        }

        if (condition.Field == "hoursSinceUpdated")
        {
            // Whatever the rule does updates the ticket, which starts this count again.
            return condition.Operator == RuleOperator.GreaterThan && condition.Value is { ValueKind: JsonValueKind.Number } hours && hours.GetDouble() > 0;
        }

        var set = actions.LastOrDefault(a => FieldSetBy.TryGetValue(a.Type, out var field) ? field == condition.Field
            : a.Type == "set-field" && condition.Field == RuleFields.CustomFieldPrefix + a.Value?.GetProperty("name").GetString());
        if (set is null)
        {
            return false;
        }

        var newValue = set.Type == "set-field" ? RuleActions.Text(set.Value!.Value.GetProperty("value")) : RuleActions.Text(set.Value);
        return !Holds(condition, newValue, values);
    }

    private static bool Holds(RuleCondition condition, string? value, IReadOnlyList<string> expected)
    {
        bool Same(string e) => string.Equals(value, e, StringComparison.OrdinalIgnoreCase);
        return condition.Operator switch
        {
            RuleOperator.Is => value is not null && Same(expected[0]),
            RuleOperator.IsNot => value is null || !Same(expected[0]),
            RuleOperator.In => value is not null && expected.Any(Same),
            RuleOperator.NotIn => value is null || !expected.Any(Same),
            RuleOperator.Exists => value is not null,
            RuleOperator.NotExists => value is null,
            RuleOperator.Contains => value is not null && expected.All(e => value.Contains(e, StringComparison.OrdinalIgnoreCase)),
            RuleOperator.NotContains => value is null || !expected.Any(e => value.Contains(e, StringComparison.OrdinalIgnoreCase)),
            _ => true,
        };
    }
}

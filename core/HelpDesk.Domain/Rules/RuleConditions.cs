using HelpDesk.Domain.Tickets;

namespace HelpDesk.Domain.Rules;

/// <summary>Whether a rule's conditions hold for a ticket, now (all of them must).</summary>
public static class RuleConditions
{
    public static bool AllHold(Rule rule, TicketState ticket, DateTimeOffset now, CustomerContext? customer = null) =>
        rule.Conditions.All(c => Holds(c, ticket, now, customer));

    public static bool Holds(RuleCondition condition, TicketState ticket, DateTimeOffset now, CustomerContext? customer = null)
    {
        if (!RuleFields.TryDescribe(condition.Field, out var kind, out _))
        {
            return false;
        }

        if (kind is RuleFieldKind.Hours or RuleFieldKind.Number)
        {
            var hours = RuleFields.Hours(ticket, condition.Field, now, customer);
            var limit = condition.Value?.GetDouble() ?? 0;
            return condition.Operator == RuleOperator.GreaterThan ? hours > limit : hours < limit;
        }

        var actual = RuleFields.Read(ticket, condition.Field, customer);
        var expected = RuleActions.Strings(condition.Value);
        return condition.Operator switch
        {
            RuleOperator.Exists => actual.Count > 0,
            RuleOperator.NotExists => actual.Count == 0,
            RuleOperator.Is => actual.Count == 1 && Same(actual[0], expected[0]),
            RuleOperator.IsNot => !(actual.Count == 1 && Same(actual[0], expected[0])),
            RuleOperator.In => actual.Count == 1 && expected.Any(e => Same(actual[0], e)),
            RuleOperator.NotIn => !(actual.Count == 1 && expected.Any(e => Same(actual[0], e))),
            // On a set (tags) "contains" means has all the given words; on text, has them as substrings.
            RuleOperator.Contains => kind == RuleFieldKind.Set ? expected.All(e => actual.Any(a => Same(a, e))) : expected.All(e => actual.Any(a => a.Contains(e, StringComparison.OrdinalIgnoreCase))),
            RuleOperator.NotContains => kind == RuleFieldKind.Set ? !expected.Any(e => actual.Any(a => Same(a, e))) : !expected.Any(e => actual.Any(a => a.Contains(e, StringComparison.OrdinalIgnoreCase))),
            _ => false,
        };
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}

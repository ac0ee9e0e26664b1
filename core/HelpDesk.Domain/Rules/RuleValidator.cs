using System.Text.Json;
using HelpDesk.Domain.Commands;
using HelpDesk.Domain.Settings;
using HelpDesk.Domain.Tickets;

namespace HelpDesk.Domain.Rules;

/// <summary>
/// Checks a rule before it is saved, naming the part at fault as the API spells it (<c>conditions[1].value</c>): unknown
/// fields and actions, values of the wrong type or outside a field's choices, and rules that would trigger themselves
/// without end.
/// </summary>
public static class RuleValidator
{
    public const int MaxConditions = 30;
    public const int MaxActions = 20;

    public static Rejection? Check(Rule rule)
    {
        if ((SettingsInput.Id("id", rule.Id) ?? SettingsInput.Name("name", rule.Name)) is { } setting)
        {
            return setting;
        }

        if (rule.Actions.Count == 0)
        {
            return Rejection.Invalid("actions", $"A rule has 1 to {MaxActions} actions and at most {MaxConditions} conditions.");
        }

        return CheckConditions(rule.Conditions) ?? CheckActions(rule.Actions) ?? RuleLoops.Check(rule);
    }

    /// <summary>Conditions as rules and SLA policies use them: known fields, their operators, values of the right type.</summary>
    public static Rejection? CheckConditions(IReadOnlyList<RuleCondition> conditions)
    {
        if (conditions.Count > MaxConditions)
        {
            return Rejection.Invalid("conditions", $"At most {MaxConditions} conditions.");
        }

        for (var i = 0; i < conditions.Count; i++)
        {
            if (CheckCondition(conditions[i], $"conditions[{i}]") is { } problem)
            {
                return problem;
            }
        }

        return null;
    }

    /// <summary>Actions as rules and macros use them: known types with arguments of the right type.</summary>
    public static Rejection? CheckActions(IReadOnlyList<RuleAction> actions)
    {
        if (actions.Count > MaxActions)
        {
            return Rejection.Invalid("actions", $"At most {MaxActions} actions.");
        }

        for (var i = 0; i < actions.Count; i++)
        {
            if (RuleActionCheck.Check(actions[i], $"actions[{i}]") is { } problem)
            {
                return problem;
            }
        }

        return actions.Any(a => a.Type == "set-priority") && actions.Any(a => a.Type is "set-impact" or "set-urgency")
            ? Rejection.Invalid("actions", "Set either the priority or impact/urgency (which give the priority), not both.")
            : null;
    }

    private static Rejection? CheckCondition(RuleCondition condition, string at)
    {
        if (!RuleFields.TryDescribe(condition.Field, out var kind, out var choices))
        {
            return Rejection.Invalid($"{at}.field", $"Unknown field '{condition.Field}'; known: {string.Join(", ", RuleFields.Names)}, fields.<name> for a custom field, or customer.attributes.<name> for a fact from the customer context.");
        }

        var allowed = kind switch
        {
            RuleFieldKind.Hours or RuleFieldKind.Number => [RuleOperator.GreaterThan, RuleOperator.LessThan],
            RuleFieldKind.Set => [RuleOperator.Contains, RuleOperator.NotContains],
            RuleFieldKind.Choice => [RuleOperator.Is, RuleOperator.IsNot, RuleOperator.In, RuleOperator.NotIn],
            _ => new[] { RuleOperator.Is, RuleOperator.IsNot, RuleOperator.In, RuleOperator.NotIn, RuleOperator.Contains, RuleOperator.NotContains, RuleOperator.Exists, RuleOperator.NotExists },
        };
        if (!allowed.Contains(condition.Operator))
        {
            return Rejection.Invalid($"{at}.operator", $"{condition.Field} takes the operators {string.Join(", ", allowed.Select(RuleFields.Word))}.");
        }

        var value = condition.Value;
        var problem = condition.Operator switch
        {
            RuleOperator.Exists or RuleOperator.NotExists => value is null or { ValueKind: JsonValueKind.Null } ? null : "takes no value",
            RuleOperator.GreaterThan or RuleOperator.LessThan => value is { ValueKind: JsonValueKind.Number } n && n.GetDouble() >= 0 ? null : kind == RuleFieldKind.Number ? "is a number, 0 or more" : "is a number of hours, 0 or more",
            RuleOperator.In or RuleOperator.NotIn => IsStrings(value, allowSingle: false) ? null : "is a list of strings",
            RuleOperator.Contains or RuleOperator.NotContains => IsStrings(value, allowSingle: true) ? null : "is a string or a list of strings",
            _ => value is { ValueKind: JsonValueKind.String } ? null : "is a string",
        };
        if (problem is null && choices.Count > 0 && RuleActions.Strings(value).FirstOrDefault(v => !choices.Contains(v)) is { } unknown)
        {
            problem = $"'{unknown}' is not one of {string.Join(", ", choices)}";
        }

        return problem is null ? null : Rejection.Invalid($"{at}.value", $"The value of {condition.Field} {RuleFields.Word(condition.Operator)} {problem}.");
    }

    internal static bool IsStrings(JsonElement? value, bool allowSingle) => value switch
    {
        { ValueKind: JsonValueKind.String } => allowSingle,
        { ValueKind: JsonValueKind.Array } list => list.GetArrayLength() is > 0 and <= 50 && list.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String && v.GetString()!.Length is > 0 and <= 200),
        _ => false,
    };

}

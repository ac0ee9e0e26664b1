using System.Text.Json;
using System.Text.RegularExpressions;
using HelpDesk.Domain.Commands;
using HelpDesk.Domain.Tickets;

namespace HelpDesk.Domain.Rules;

/// <summary>
/// Checks a rule before it is saved, naming the part at fault as the API spells it (<c>conditions[1].value</c>): unknown
/// fields and actions, values of the wrong type or outside a field's choices, and rules that would trigger themselves
/// without end.
/// </summary>
public static partial class RuleValidator
{
    public const int MaxConditions = 30;
    public const int MaxActions = 20;

    public static Rejection? Check(Rule rule)
    {
        if (!IdPattern().IsMatch(rule.Id))
        {
            return Rejection.Invalid("id", "id is 1 to 64 lowercase letters, digits, '-', '_' or '.', starting with a letter or digit.");
        }

        if (string.IsNullOrWhiteSpace(rule.Name) || rule.Name.Length > 100 || rule.Name.Any(char.IsControl))
        {
            return Rejection.Invalid("name", "name is required: 1 to 100 printable characters.");
        }

        if (rule.Conditions.Count > MaxConditions || rule.Actions.Count is 0 or > MaxActions)
        {
            return Rejection.Invalid(rule.Actions.Count == 0 ? "actions" : "conditions", $"A rule has 1 to {MaxActions} actions and at most {MaxConditions} conditions.");
        }

        for (var i = 0; i < rule.Conditions.Count; i++)
        {
            if (CheckCondition(rule.Conditions[i], $"conditions[{i}]") is { } problem)
            {
                return problem;
            }
        }

        for (var i = 0; i < rule.Actions.Count; i++)
        {
            if (RuleActionCheck.Check(rule.Actions[i], $"actions[{i}]") is { } problem)
            {
                return problem;
            }
        }

        if (rule.Actions.Any(a => a.Type == "set-priority") && rule.Actions.Any(a => a.Type is "set-impact" or "set-urgency"))
        {
            return Rejection.Invalid("actions", "Set either the priority or impact/urgency (which give the priority), not both.");
        }

        return RuleLoops.Check(rule);
    }

    private static Rejection? CheckCondition(RuleCondition condition, string at)
    {
        if (!RuleFields.TryDescribe(condition.Field, out var kind, out var choices))
        {
            return Rejection.Invalid($"{at}.field", $"Unknown field '{condition.Field}'; known: {string.Join(", ", RuleFields.Names)}, or fields.<name> for a custom field.");
        }

        var allowed = kind switch
        {
            RuleFieldKind.Hours => [RuleOperator.GreaterThan, RuleOperator.LessThan],
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
            RuleOperator.GreaterThan or RuleOperator.LessThan => value is { ValueKind: JsonValueKind.Number } n && n.GetDouble() >= 0 ? null : "is a number of hours, 0 or more",
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

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,63}$")]
    private static partial Regex IdPattern();
}

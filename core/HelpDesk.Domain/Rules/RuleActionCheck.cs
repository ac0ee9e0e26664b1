using System.Text.Json;
using HelpDesk.Domain.Commands;
using HelpDesk.Domain.Tickets;

namespace HelpDesk.Domain.Rules;

/// <summary>Checks one action's type and argument.</summary>
internal static class RuleActionCheck
{
    public static Rejection? Check(RuleAction action, string at)
    {
        if (!RuleActions.Names.Contains(action.Type))
        {
            return Rejection.Invalid($"{at}.type", $"Unknown action '{action.Type}'; known: {string.Join(", ", RuleActions.Names)}.");
        }

        var value = action.Value;
        var problem = action.Type switch
        {
            "set-queue" or "assign" => value is null or { ValueKind: JsonValueKind.Null } || (value is { ValueKind: JsonValueKind.String } s && s.GetString()!.Length is > 0 and <= TicketLimits.AgentOrQueue)
                ? null : "is an id, or null to clear it",
            "assign-by-queue" => value is null or { ValueKind: JsonValueKind.Null } ? null : "takes no value",
            "set-priority" => ChoiceOf<Priority>(value),
            "set-impact" => ChoiceOf<Impact>(value),
            "set-urgency" => ChoiceOf<Urgency>(value),
            "set-status" => ChoiceOf<TicketStatus>(value),
            "add-tags" or "remove-tags" => RuleValidator.IsStrings(value, allowSingle: true) ? null : "is a tag or a list of tags",
            "set-field" => value is { ValueKind: JsonValueKind.Object } field && field.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String
                && field.TryGetProperty("value", out var fieldValue) && fieldValue.ValueKind is JsonValueKind.String or JsonValueKind.Null
                ? null : "is {\"name\": \"...\", \"value\": \"...\" or null}",
            "add-note" => value is { ValueKind: JsonValueKind.String } note && note.GetString()!.Trim().Length is > 0 and <= 10_000 ? null : "is the note's text",
            "escalate" => value is { ValueKind: JsonValueKind.Object } target && target.TryGetProperty("target", out var t) && t.ValueKind == JsonValueKind.String && t.GetString()!.Length > 0
                ? null : "is {\"target\": \"jira\", \"project\"?: \"...\", \"note\"?: \"...\"}",
            _ => "is not available yet: notifications arrive with the email and notifications issue",
        };
        return problem is null ? null : Rejection.Invalid($"{at}.value", $"The value of {action.Type} {problem}.");
    }

    private static string? ChoiceOf<T>(JsonElement? value)
        where T : struct, Enum =>
        RuleActions.Choice<T>(value) is null ? $"is one of {string.Join(", ", Enum.GetValues<T>().Select(RuleFields.Word))}" : null;
}

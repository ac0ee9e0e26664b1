using System.Text.Json;
using HelpDesk.Domain.Commands;
using HelpDesk.Domain.Tickets;

namespace HelpDesk.Domain.Rules;

/// <summary>What a rule does to a ticket, ready for the ticket's commands; nothing here touches the ticket itself.</summary>
/// <param name="Update">Property changes, or null when the rule changes none.</param>
/// <param name="Notes">Internal notes to add.</param>
/// <param name="AssignByQueue">Whether to have the ticket's queue pick an agent by its strategy.</param>
/// <param name="Escalation">A tracker to escalate to, with its project and note, or null.</param>
public sealed record RulePlan(UpdateTicket? Update, IReadOnlyList<string> Notes, bool AssignByQueue, RuleEscalation? Escalation);

public sealed record RuleEscalation(string Target, string? Project, string? IssueType, string? Note);

/// <summary>The actions rules can take, their arguments, and the plan they make for a ticket.</summary>
public static class RuleActions
{
    public static readonly IReadOnlyList<string> Names =
        ["set-queue", "assign", "assign-by-queue", "set-priority", "set-impact", "set-urgency", "set-status", "add-tags", "remove-tags", "set-field", "add-note", "escalate", "notify"];

    /// <summary>The plan for a rule whose conditions held (its actions were validated when it was saved).</summary>
    public static RulePlan Plan(Rule rule)
    {
        var update = new UpdateTicket { Reason = $"rule '{rule.Name}'" };
        var changes = false;
        var notes = new List<string>();
        var byQueue = false;
        RuleEscalation? escalation = null;
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var action in rule.Actions)
        {
            var value = action.Value;
            changes |= action.Type is "set-queue" or "assign" or "set-priority" or "set-impact" or "set-urgency" or "set-status" or "add-tags" or "remove-tags" or "set-field";
            switch (action.Type)
            {
                case "set-queue": update = update with { Queue = new Change<string?>(Text(value)) }; break;
                case "assign": update = update with { Assignee = new Change<string?>(Text(value)) }; break;
                case "assign-by-queue": byQueue = true; break;
                case "set-priority": update = update with { Priority = Choice<Priority>(value) }; break;
                case "set-impact": update = update with { Impact = Choice<Impact>(value) }; break;
                case "set-urgency": update = update with { Urgency = Choice<Urgency>(value) }; break;
                case "set-status": update = update with { Status = Choice<TicketStatus>(value) }; break;
                case "add-tags": update = update with { AddTags = [.. (update.AddTags ?? []).Concat(Strings(value))] }; break;
                case "remove-tags": update = update with { RemoveTags = [.. (update.RemoveTags ?? []).Concat(Strings(value))] }; break;
                case "set-field": fields[value!.Value.GetProperty("name").GetString()!] = Text(value.Value.GetProperty("value")); break;
                case "add-note": notes.Add(Text(value)!); break;
                case "escalate":
                    escalation = new RuleEscalation(
                        value!.Value.GetProperty("target").GetString()!, Optional(value.Value, "project"), Optional(value.Value, "issueType"), Optional(value.Value, "note"));
                    break;
            }
        }

        if (fields.Count > 0)
        {
            update = update with { Fields = fields };
        }

        return new RulePlan(changes ? update : null, notes, byQueue, escalation);
    }

    public static string? Text(JsonElement? value) => value is { ValueKind: JsonValueKind.String } text ? text.GetString() : null;

    public static IReadOnlyList<string> Strings(JsonElement? value) => value switch
    {
        { ValueKind: JsonValueKind.String } one => [one.GetString()!],
        { ValueKind: JsonValueKind.Array } many => [.. many.EnumerateArray().Select(v => v.GetString()!)],
        _ => [],
    };

    public static T? Choice<T>(JsonElement? value)
        where T : struct, Enum => Text(value) is { } word ? Enum.GetValues<T>().Cast<T?>().FirstOrDefault(c => RuleFields.Word(c!.Value) == word) : null;

    private static string? Optional(JsonElement value, string name) =>
        value.TryGetProperty(name, out var property) && property.ValueKind == JsonValueKind.String ? property.GetString() : null;
}

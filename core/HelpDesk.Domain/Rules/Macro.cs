using System.Text.RegularExpressions;
using HelpDesk.Domain.Commands;
using HelpDesk.Domain.Settings;
using HelpDesk.Domain.Tickets;

namespace HelpDesk.Domain.Rules;

/// <summary>
/// A canned response an agent applies to a ticket: a reply (public or an internal note) with placeholders, and actions
/// done with it (set status pending, add a tag…). Placeholders: <c>{{ticket.number}}</c>, <c>{{ticket.subject}}</c>,
/// <c>{{requester.name}}</c>, <c>{{requester.email}}</c>, <c>{{agent.name}}</c>.
/// </summary>
public sealed partial record Macro(string Id, string Name, string? Reply, MessageVisibility Visibility, IReadOnlyList<RuleAction> Actions)
{
    private static readonly string[] Placeholders = ["ticket.number", "ticket.subject", "requester.name", "requester.email", "agent.name"];

    public Rejection? Check()
    {
        if ((SettingsInput.Id("id", Id) ?? SettingsInput.Name("name", Name) ?? RuleValidator.CheckActions(Actions)) is { } shape)
        {
            return shape;
        }

        if (Actions.Any(a => a.Type is "assign-by-queue" or "escalate" or "notify" or "add-note"))
        {
            return Rejection.Invalid("actions", "A macro sets fields, status, tags and assignment; notes go in its reply, escalation through the escalation API.");
        }

        if (Reply is null)
        {
            return Actions.Count == 0 ? Rejection.Invalid("reply", "A macro needs a reply or at least one action.") : null;
        }

        if (TicketInput.Text("reply", Reply, TicketLimits.Body) is { } text)
        {
            return text;
        }

        return PlaceholderPattern().Matches(Reply).Select(m => m.Groups[1].Value).FirstOrDefault(p => !Placeholders.Contains(p)) is { } unknown
            ? Rejection.Invalid("reply", $"Unknown placeholder {{{{{unknown}}}}}; use {string.Join(", ", Placeholders.Select(p => $"{{{{{p}}}}}"))}.")
            : null;
    }

    /// <summary>The reply for this ticket and agent, placeholders filled in.</summary>
    public string? RenderReply(TicketState ticket, Actor agent) => Reply is null ? null : PlaceholderPattern().Replace(Reply, m => m.Groups[1].Value switch
    {
        "ticket.number" => ticket.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "ticket.subject" => ticket.Subject,
        "requester.name" => ticket.Requester?.Name ?? ticket.Requester?.Email ?? "",
        "requester.email" => ticket.Requester?.Email ?? "",
        "agent.name" => agent.Name ?? agent.Id,
        _ => m.Value,
    });

    [GeneratedRegex(@"\{\{\s*([a-zA-Z.]+)\s*\}\}")]
    private static partial Regex PlaceholderPattern();
}

using HelpDesk.Domain.Commands;
using HelpDesk.Domain.Rules;
using HelpDesk.Domain.Settings;
using HelpDesk.Domain.Tickets;

namespace HelpDesk.Domain.Sla;

/// <summary>One target of a policy: how many minutes, in business time on a named calendar or in calendar time (no calendar).</summary>
public sealed record SlaPolicyTarget(SlaTargetKind Kind, int Minutes, string? CalendarId = null);

/// <summary>
/// An SLA policy (Zendesk's SLA policies, Freshdesk's SLA): policies are tried in <see cref="Position"/> order and the
/// first whose conditions hold applies; its targets start counting from the ticket's own times.
/// </summary>
public sealed record SlaPolicy(string Id, string Name, IReadOnlyList<RuleCondition> Conditions, IReadOnlyList<SlaPolicyTarget> Targets)
{
    public const int MaxMinutes = 366 * 24 * 60;

    public int Position { get; init; }

    /// <summary>The share of a target used up when it warns; 0.75 by default.</summary>
    public double WarningShare { get; init; } = 0.75;

    /// <summary>Changes when the policy is saved, so tickets it applies to take the new version.</summary>
    public string? Revision { get; init; }

    public static SlaPolicy? FirstMatch(IEnumerable<SlaPolicy> policies, TicketState ticket, DateTimeOffset now, CustomerContext? customer = null) =>
        policies.OrderBy(p => p.Position).ThenBy(p => p.Id, StringComparer.Ordinal).FirstOrDefault(p => p.Conditions.All(c => RuleConditions.Holds(c, ticket, now, customer)));

    /// <summary>Checks the policy before it is saved; calendars it names must exist (<paramref name="calendarExists"/>).</summary>
    public Rejection? Check(Func<string, bool> calendarExists)
    {
        if ((SettingsInput.Id("id", Id) ?? SettingsInput.Name("name", Name) ?? RuleValidator.CheckConditions(Conditions)) is { } shape)
        {
            return shape;
        }

        if (Targets.Count == 0 || Targets.Select(t => t.Kind).Distinct().Count() != Targets.Count)
        {
            return Rejection.Invalid("targets", "A policy has one to three targets, at most one of each kind (first-response, next-response, resolution).");
        }

        for (var i = 0; i < Targets.Count; i++)
        {
            if (Targets[i].Minutes is <= 0 or > MaxMinutes)
            {
                return Rejection.Invalid($"targets[{i}].minutes", $"minutes is 1 to {MaxMinutes}.");
            }

            if (Targets[i].CalendarId is { } calendar && !calendarExists(calendar))
            {
                return Rejection.Invalid($"targets[{i}].calendarId", $"There is no business calendar '{calendar}'.");
            }
        }

        return WarningShare is > 0 and < 1 ? null : Rejection.Invalid("warningShare", "warningShare is between 0 and 1 (0.75 warns at 75 %).");
    }
}

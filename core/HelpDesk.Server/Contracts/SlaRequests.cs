using HelpDesk.Domain.Rules;
using HelpDesk.Domain.Sla;

namespace HelpDesk.Server.Contracts;

/// <summary>The body of <c>PUT /api/v1/calendars/{id}</c>: shifts like <c>{"day": "monday", "start": "09:00", "end": "18:00"}</c>.</summary>
public sealed record CalendarRequest(string? Name, string? TimeZone, IReadOnlyList<Shift>? Shifts, IReadOnlyList<Holiday>? Holidays)
{
    public BusinessCalendar ToCalendar(string id) => new(id, Name?.Trim() ?? "", TimeZone?.Trim() ?? "", Shifts ?? [], Holidays ?? []);
}

/// <summary>The body of <c>PUT /api/v1/sla-policies/{id}</c>.</summary>
public sealed record SlaPolicyRequest(string? Name, IReadOnlyList<RuleCondition>? Conditions, IReadOnlyList<SlaPolicyTarget>? Targets, int? Position, double? WarningShare)
{
    public SlaPolicy ToPolicy(string id, int position) =>
        new(id, Name?.Trim() ?? "", Conditions ?? [], Targets ?? []) { Position = position, WarningShare = WarningShare ?? 0.75 };
}

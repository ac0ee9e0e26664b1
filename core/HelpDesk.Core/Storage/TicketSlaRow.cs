using System.Text.Json;
using HelpDesk.Domain.Events;
using HelpDesk.Domain.Sla;
using HelpDesk.Domain.Tickets;

namespace HelpDesk.Core.Storage;

/// <summary>
/// A ticket's SLA as the projection keeps it: the state's SLA parts as JSON, and, evaluated at the time of the ticket's
/// last event, its overall state, earliest due time (far future when none, so sorting by it puts those last) and
/// when the SLA watch must next look at it.
/// </summary>
internal sealed record TicketSlaRow(TicketSla? Sla, List<SlaPause> Pauses, DateTimeOffset? AwaitingReplySince)
{
    public const long NoDueAt = 253_402_300_799_999;

    public static string? Json(TicketState ticket) =>
        ticket.Sla is null && ticket.SlaPauses.Count == 0 && ticket.AwaitingReplySince is null
            ? null
            : JsonSerializer.Serialize(new TicketSlaRow(ticket.Sla, ticket.SlaPauses, ticket.AwaitingReplySince), TicketEventJson.Options);

    public static void Restore(TicketState ticket, string? json)
    {
        if (json is not null && JsonSerializer.Deserialize<TicketSlaRow>(json, TicketEventJson.Options) is { } row)
        {
            (ticket.Sla, ticket.SlaPauses, ticket.AwaitingReplySince) = (row.Sla, row.Pauses, row.AwaitingReplySince);
        }
    }

    /// <summary>State, due time (ms) and next check (ms) of the ticket as of <paramref name="now"/>.</summary>
    public static (string? State, long DueAt, long? NextCheck) Summary(TicketState ticket, DateTimeOffset now)
    {
        if (ticket.Sla is not { } sla)
        {
            return (null, NoDueAt, null);
        }

        var targets = sla.Evaluate(ticket, now);
        var due = targets.Where(t => t.StoppedAt is null && t.DueAt is not null).Select(t => t.DueAt!.Value).DefaultIfEmpty().Min();
        return (Names.Of(TicketSla.Overall(targets)), due == default ? NoDueAt : UnixTime.ToMs(due), UnixTime.ToMs(sla.NextCheck(targets)));
    }

    public static long DueAt(TicketState ticket) => Summary(ticket, ticket.UpdatedAt).DueAt;
}

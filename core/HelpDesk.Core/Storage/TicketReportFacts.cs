using System.Data.Common;
using HelpDesk.Domain.Sla;
using HelpDesk.Domain.Tickets;

namespace HelpDesk.Core.Storage;

/// <summary>
/// The per-ticket numbers KPIs read from the tickets row (contacts, reopens, SLA targets had and breached, business
/// time to first response and to solve), written with every append so reports are as fresh as the ticket.
/// </summary>
internal static class TicketReportFacts
{
    public const string Columns = "agent_reply_count, reopen_count, sla_targets, sla_breaches, first_response_business_ms, resolution_business_ms";

    public const string Parameters = "@agent_reply_count, @reopen_count, @sla_targets, @sla_breaches, @first_response_business_ms, @resolution_business_ms";

    public const string Updates = """
        agent_reply_count = excluded.agent_reply_count, reopen_count = excluded.reopen_count, sla_targets = excluded.sla_targets,
        sla_breaches = excluded.sla_breaches, first_response_business_ms = excluded.first_response_business_ms,
        resolution_business_ms = excluded.resolution_business_ms
        """;

    /// <summary>A target kind's bit in <c>sla_targets</c> and <c>sla_breaches</c>: first response 1, next response 2, resolution 4.</summary>
    public static int Bit(SlaTargetKind kind) => 1 << (int)kind;

    public static DbCommand WithReportFacts(this DbCommand command, TicketState ticket) => command
        .With("@agent_reply_count", ticket.AgentReplyCount).With("@reopen_count", ticket.ReopenCount)
        .With("@sla_targets", ticket.SlaTargetsEverApplied.Sum(Bit)).With("@sla_breaches", ticket.SlaTargetsEverBreached.Sum(Bit))
        .With("@first_response_business_ms", BusinessMs(ticket, SlaTargetKind.FirstResponse, ticket.FirstAgentReplyAt))
        .With("@resolution_business_ms", BusinessMs(ticket, SlaTargetKind.Resolution, ticket.SolvedAt));

    // Business time is the working time on the calendar of the ticket's own target of that kind (pauses included, as
    // the customer waited through them); a ticket whose policy has no such target has no business time for it.
    private static long? BusinessMs(TicketState ticket, SlaTargetKind kind, DateTimeOffset? end) =>
        end is { } until && ticket.Sla?.Targets.FirstOrDefault(t => t.Kind == kind)?.Calendar is { } calendar
            ? (long)calendar.BusinessTimeBetween(ticket.CreatedAt, until).TotalMilliseconds
            : null;
}

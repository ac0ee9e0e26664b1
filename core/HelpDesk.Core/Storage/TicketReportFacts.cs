using System.Data.Common;
using HelpDesk.Domain.Sla;
using HelpDesk.Domain.Tickets;

namespace HelpDesk.Core.Storage;

/// <summary>
/// A ticket's row in <c>report_facts</c>: what KPIs break down by and count per ticket (contacts, reopens, SLA targets
/// had and breached, business time to first response and to solve), written with every append so reports are as fresh
/// as the ticket. The upsert keeps the newest version, so writing a ticket's facts again (a backfill racing an append)
/// never goes back.
/// </summary>
internal static class TicketReportFacts
{
    private static readonly string[] Columns =
    [
        "number", "version", "created_at", "solved_at", "first_agent_reply_at", "channel", "type", "category", "queue", "requester_language",
        "requester_email", "organization", "customer_region", "assignee", "rating", "agent_reply_count", "reopen_count", "sla_targets",
        "sla_breaches", "first_response_business_ms", "resolution_business_ms",
    ];

    public static readonly string Upsert = $"""
        INSERT INTO report_facts ({string.Join(", ", Columns)}) VALUES ({string.Join(", ", Columns.Select(c => "@" + c))})
        ON CONFLICT (number) DO UPDATE SET {string.Join(", ", Columns.Skip(1).Select(c => $"{c} = excluded.{c}"))}
        WHERE excluded.version > report_facts.version
        """;

    /// <summary>A target kind's bit in <c>sla_targets</c> and <c>sla_breaches</c>: first response 1, next response 2, resolution 4.</summary>
    public static int Bit(SlaTargetKind kind) => 1 << (int)kind;

    public static DbCommand WithReportFacts(this DbCommand command, TicketState t) => command
        .With("@number", t.Number).With("@version", t.Version).With("@created_at", UnixTime.ToMs(t.CreatedAt))
        .With("@solved_at", UnixTime.ToMs(t.SolvedAt)).With("@first_agent_reply_at", UnixTime.ToMs(t.FirstAgentReplyAt))
        .With("@channel", Names.Of(t.Channel)).With("@type", Names.Of(t.Type)).With("@category", t.Category).With("@queue", t.Queue)
        .With("@requester_language", t.Requester!.Language).With("@requester_email", t.Requester.Email).With("@organization", t.Requester.Organization)
        .With("@customer_region", t.Customer?.Region?.ToLowerInvariant()).With("@assignee", t.Assignee)
        .With("@rating", t.Satisfaction is { } rating && t.RatedSolvedVersion == t.SolvedVersion ? Names.Of(rating) : null)
        .With("@agent_reply_count", t.AgentReplyCount).With("@reopen_count", t.ReopenCount)
        .With("@sla_targets", t.SlaTargetsEverApplied.Sum(Bit)).With("@sla_breaches", t.SlaTargetsEverBreached.Sum(Bit))
        .With("@first_response_business_ms", BusinessMs(t, SlaTargetKind.FirstResponse, t.FirstAgentReplyAt))
        .With("@resolution_business_ms", BusinessMs(t, SlaTargetKind.Resolution, t.SolvedAt));

    // Business time is the working time on the calendar of the ticket's own target of that kind (pauses included, as
    // the customer waited through them); a ticket whose policy has no such target has no business time for it.
    private static long? BusinessMs(TicketState ticket, SlaTargetKind kind, DateTimeOffset? end) =>
        end is { } until && ticket.Sla?.Targets.FirstOrDefault(t => t.Kind == kind)?.Calendar is { } calendar
            ? (long)calendar.BusinessTimeBetween(ticket.CreatedAt, until).TotalMilliseconds
            : null;
}

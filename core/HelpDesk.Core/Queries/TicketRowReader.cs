using System.Data.Common;
using System.Text.Json;
using HelpDesk.Core.Storage;
using HelpDesk.Domain.Customers;
using HelpDesk.Domain.Events;
using HelpDesk.Domain.Meetings;
using HelpDesk.Domain.Tickets;

namespace HelpDesk.Core.Queries;

/// <summary>Maps a <c>tickets</c> row back to the ticket's state, column for column with <see cref="TicketProjectionWriter"/>.</summary>
internal static class TicketRowReader
{
    public const string Columns = """
        t.number, t.version, t.subject, t.description, t.status, t.priority, t.impact, t.urgency, t.channel, t.type, t.category,
        t.requester_email, t.requester_name, t.requester_language, t.requester_time_zone, t.organization, t.assignee, t.queue,
        t.tags, t.fields, t.external_id, t.external_links, t.public_message_count, t.internal_note_count, t.created_at,
        t.updated_at, t.first_agent_reply_at, t.solved_at, t.closed_at, t.alerts, t.escalations, t.sla, t.cc,
        t.solved_version, t.rated_solved_version, t.satisfaction, t.customer, t.meetings
        """;

    public static TicketState Read(DbDataReader r)
    {
        var ticket = ReadColumns(r);
        TicketSlaRow.Restore(ticket, r.NullableString(31));
        return ticket;
    }

    private static TicketState ReadColumns(DbDataReader r) => new()
    {
        Number = r.GetInt64(0),
        Version = r.GetInt32(1),
        Subject = r.GetString(2),
        Description = r.GetString(3),
        Status = Names.Parse<TicketStatus>(r.GetString(4)),
        Priority = (Priority)r.GetInt32(5),
        Impact = r.NullableString(6) is { } impact ? Names.Parse<Impact>(impact) : null,
        Urgency = r.NullableString(7) is { } urgency ? Names.Parse<Urgency>(urgency) : null,
        Channel = Names.Parse<Channel>(r.GetString(8)),
        Type = Names.Parse<TicketType>(r.GetString(9)),
        Category = r.NullableString(10),
        Requester = new Requester(r.GetString(11), r.NullableString(12), r.NullableString(13), r.NullableString(14), r.NullableString(15)),
        Assignee = r.NullableString(16),
        Queue = r.NullableString(17),
        Tags = new SortedSet<string>(JsonSerializer.Deserialize<List<string>>(r.GetString(18)) ?? [], StringComparer.Ordinal),
        Fields = new SortedDictionary<string, string>(JsonSerializer.Deserialize<Dictionary<string, string>>(r.GetString(19)) ?? [], StringComparer.Ordinal),
        ExternalId = r.NullableString(20),
        ExternalLinks = JsonSerializer.Deserialize<List<ExternalLink>>(r.GetString(21), TicketEventJson.Options) ?? [],
        PublicMessageCount = r.GetInt32(22),
        InternalNoteCount = r.GetInt32(23),
        CreatedAt = UnixTime.FromMs(r.GetInt64(24)),
        UpdatedAt = UnixTime.FromMs(r.GetInt64(25)),
        FirstAgentReplyAt = UnixTime.FromMs(r.NullableInt64(26)),
        SolvedAt = UnixTime.FromMs(r.NullableInt64(27)),
        ClosedAt = UnixTime.FromMs(r.NullableInt64(28)),
        Alerts = JsonSerializer.Deserialize<List<TicketAlert>>(r.GetString(29), TicketEventJson.Options) ?? [],
        Escalations = JsonSerializer.Deserialize<List<TicketEscalation>>(r.GetString(30), TicketEventJson.Options) ?? [],
        Cc = new SortedSet<string>(r.NullableString(32) is { } cc ? JsonSerializer.Deserialize<List<string>>(cc) ?? [] : [], StringComparer.Ordinal),
        SolvedVersion = r.IsDBNull(33) ? null : r.GetInt32(33),
        RatedSolvedVersion = r.IsDBNull(34) ? null : r.GetInt32(34),
        Satisfaction = r.NullableString(35) is { } rating ? Names.Parse<SatisfactionRating>(rating) : null,
        Customer = r.NullableString(36) is { } customer ? JsonSerializer.Deserialize<CustomerSnapshot>(customer, TicketEventJson.Options) : null,
        Meetings = r.NullableString(37) is { } meetings ? JsonSerializer.Deserialize<List<TicketMeeting>>(meetings, TicketEventJson.Options) ?? [] : [],
    };

    public static long SortValue(TicketState ticket, TicketSortField field) => field switch
    {
        TicketSortField.Created => UnixTime.ToMs(ticket.CreatedAt),
        TicketSortField.Updated => UnixTime.ToMs(ticket.UpdatedAt),
        TicketSortField.Priority => (long)ticket.Priority,
        TicketSortField.DueAt => TicketSlaRow.DueAt(ticket),
        _ => ticket.Number,
    };
}

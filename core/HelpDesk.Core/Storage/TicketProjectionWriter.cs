using System.Data.Common;
using System.Text.Json;
using HelpDesk.Core.Alerts;
using HelpDesk.Core.Queries;
using HelpDesk.Domain.Alerts;
using HelpDesk.Domain.Events;
using HelpDesk.Domain.Tickets;

namespace HelpDesk.Core.Storage;

/// <summary>Writes what one append changes in the query tables (tickets, texts, tags, links, its alert, its report facts), inside the caller's transaction.</summary>
internal sealed class TicketProjectionWriter(PreparedCommands commands)
{
    private const string UpsertTicket = """
        INSERT INTO tickets (number, version, subject, description, status, priority, impact, urgency, channel, type, category,
            requester_email, requester_name, requester_language, requester_time_zone, organization, assignee, queue, tags, fields,
            external_id, external_links, public_message_count, internal_note_count, created_at, updated_at, first_agent_reply_at,
            solved_at, closed_at, alerts, escalations, sla, sla_state, sla_due_at, sla_next_check, cc, solved_version, rated_solved_version, satisfaction,
            customer, customer_tier, customer_segment, customer_region, meetings)
        VALUES (@number, @version, @subject, @description, @status, @priority, @impact, @urgency, @channel, @type, @category,
            @requester_email, @requester_name, @requester_language, @requester_time_zone, @organization, @assignee, @queue, @tags,
            @fields, @external_id, @external_links, @public_message_count, @internal_note_count, @created_at, @updated_at,
            @first_agent_reply_at, @solved_at, @closed_at, @alerts, @escalations, @sla, @sla_state, @sla_due_at, @sla_next_check, @cc, @solved_version, @rated_solved_version, @satisfaction,
            @customer, @customer_tier, @customer_segment, @customer_region, @meetings)
        ON CONFLICT (number) DO UPDATE SET version = excluded.version, subject = excluded.subject, status = excluded.status,
            priority = excluded.priority, impact = excluded.impact, urgency = excluded.urgency, category = excluded.category,
            assignee = excluded.assignee, queue = excluded.queue, tags = excluded.tags, fields = excluded.fields,
            external_links = excluded.external_links, public_message_count = excluded.public_message_count,
            internal_note_count = excluded.internal_note_count, updated_at = excluded.updated_at,
            first_agent_reply_at = excluded.first_agent_reply_at, solved_at = excluded.solved_at, closed_at = excluded.closed_at,
            alerts = excluded.alerts, escalations = excluded.escalations, sla = excluded.sla, sla_state = excluded.sla_state,
            sla_due_at = excluded.sla_due_at, sla_next_check = excluded.sla_next_check, cc = excluded.cc,
            solved_version = excluded.solved_version, rated_solved_version = excluded.rated_solved_version, satisfaction = excluded.satisfaction,
            customer = excluded.customer, customer_tier = excluded.customer_tier, customer_segment = excluded.customer_segment,
            customer_region = excluded.customer_region, meetings = excluded.meetings
        """;

    private const string InsertText = """
        INSERT INTO ticket_texts (ticket, version, kind, visibility, author_kind, author_id, author_name, body, search_text, created_at, html, attachments)
        VALUES (@ticket, @version, @kind, @visibility, @author_kind, @author_id, @author_name, @body, @search_text, @at, @html, @attachments)
        """;

    private const string InsertReceivedMessageId = """
        INSERT INTO ticket_message_ids (message_id, ticket, sent, at) VALUES (@message_id, @ticket, 0, @at) ON CONFLICT DO NOTHING
        """;

    private const string InsertAttachment = """
        INSERT INTO ticket_attachments (ticket, id, file_name, content_type, size) VALUES (@ticket, @id, @file_name, @content_type, @size)
        ON CONFLICT DO NOTHING
        """;

    private const string InsertMeeting = """
        INSERT INTO ticket_meetings (provider, meeting_id, ticket) VALUES (@provider, @meeting_id, @ticket) ON CONFLICT DO NOTHING
        """;

    private const string InsertLink = """
        INSERT INTO ticket_links (system, external_key, ticket) VALUES (@system, @key, @ticket) ON CONFLICT DO NOTHING
        """;

    public async Task WriteAsync(TicketAppend append, CancellationToken cancellationToken)
    {
        var version = append.ExpectedVersion;
        foreach (var @event in append.Events)
        {
            version++;
            foreach (var text in TicketTextRow.From(@event))
            {
                await commands.Get(InsertText)
                    .With("@ticket", append.Ticket).With("@version", version).With("@kind", text.Kind)
                    .With("@visibility", Names.Of(text.Visibility)).With("@author_kind", Names.Of(text.Author.Kind))
                    .With("@author_id", text.Author.Id).With("@author_name", text.Author.Name).With("@body", text.Body)
                    .With("@search_text", SearchText.Indexed(text.Body)).With("@at", UnixTime.ToMs(text.At)).With("@html", text.Html)
                    .With("@attachments", text.Attachments is { Count: > 0 } files ? JsonSerializer.Serialize(files, TicketEventJson.Options) : null)
                    .ExecuteNonQueryAsync(cancellationToken);
                foreach (var attachment in text.Attachments ?? [])
                {
                    await commands.Get(InsertAttachment).With("@ticket", append.Ticket).With("@id", attachment.Id).With("@file_name", attachment.FileName)
                        .With("@content_type", attachment.ContentType).With("@size", attachment.Size).ExecuteNonQueryAsync(cancellationToken);
                }
            }

            await WriteEscalationAsync(append.Ticket, @event, cancellationToken);
            if (ReceivedMessageId(@event) is { } messageId)
            {
                await commands.Get(InsertReceivedMessageId).With("@message_id", messageId).With("@ticket", append.Ticket)
                    .With("@at", UnixTime.ToMs(@event.At)).ExecuteNonQueryAsync(cancellationToken);
            }
        }

        await UpsertTicketRow(append.Result).ExecuteNonQueryAsync(cancellationToken);
        await commands.Get(TicketReportFacts.Upsert).WithReportFacts(append.Result).ExecuteNonQueryAsync(cancellationToken);
        if (append.Events.Any(e => e is TicketOpened or TagsChanged))
        {
            await WriteTagsAsync(append.Result, cancellationToken);
        }

        if (append.Alert is { } alert)
        {
            await commands.Get(AlertRows.Upsert).BindUpsert(alert, append.Events[^1].At).ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var scheduled in append.Events.OfType<MeetingScheduled>())
        {
            await commands.Get(InsertMeeting).With("@provider", scheduled.Meeting.Provider).With("@meeting_id", scheduled.Meeting.Id)
                .With("@ticket", append.Ticket).ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var unlinked in append.Events.OfType<ExternalIssueUnlinked>())
        {
            await commands.Get("DELETE FROM ticket_links WHERE system = @system AND external_key = @key AND ticket = @ticket")
                .With("@system", unlinked.System).With("@key", unlinked.Key).With("@ticket", append.Ticket)
                .ExecuteNonQueryAsync(cancellationToken);
        }

        var links = append.Events.OfType<ExternalIssueLinked>().Select(e => e.Link).Concat(append.Events.OfType<Escalated>().Select(e => e.Link));
        foreach (var link in links)
        {
            await commands.Get(InsertLink)
                .With("@system", link.System).With("@key", link.Key).With("@ticket", append.Ticket)
                .ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private async Task WriteEscalationAsync(long ticket, TicketEvent @event, CancellationToken cancellationToken)
    {
        var command = @event switch
        {
            EscalationRequested requested => commands.Get(ReportEscalations.Requested).With("@id", requested.EscalationId).With("@target", requested.Target),
            Escalated escalated => commands.Get(ReportEscalations.Done).With("@id", escalated.EscalationId),
            _ => null,
        };
        if (command is not null)
        {
            await command.With("@ticket", ticket).With("@at", UnixTime.ToMs(@event.At)).ExecuteNonQueryAsync(cancellationToken);
        }
    }

    // An email's Message-ID, so the customer's next message in the thread finds this ticket by its References.
    private static string? ReceivedMessageId(TicketEvent @event) => @event switch
    {
        TicketOpened { Channel: Channel.Email, ExternalId: { } id } => id,
        CustomerReplied { MessageId: { } id } => id,
        _ => null,
    };

    private DbCommand UpsertTicketRow(TicketState t)
    {
        var (slaState, dueAt, nextCheck) = TicketSlaRow.Summary(t, t.UpdatedAt);
        return Bind(t).With("@sla", TicketSlaRow.Json(t)).With("@sla_state", slaState).With("@sla_due_at", dueAt).With("@sla_next_check", nextCheck);
    }

    private DbCommand Bind(TicketState t) => commands.Get(UpsertTicket)
        .With("@number", t.Number).With("@version", t.Version).With("@subject", t.Subject).With("@description", t.Description)
        .With("@status", Names.Of(t.Status)).With("@priority", (int)t.Priority)
        .With("@impact", t.Impact is { } i ? Names.Of(i) : null).With("@urgency", t.Urgency is { } u ? Names.Of(u) : null)
        .With("@channel", Names.Of(t.Channel)).With("@type", Names.Of(t.Type)).With("@category", t.Category)
        .With("@requester_email", t.Requester!.Email).With("@requester_name", t.Requester.Name)
        .With("@requester_language", t.Requester.Language).With("@requester_time_zone", t.Requester.TimeZone)
        .With("@organization", t.Requester.Organization).With("@assignee", t.Assignee).With("@queue", t.Queue)
        .With("@tags", JsonSerializer.Serialize(t.Tags)).With("@fields", JsonSerializer.Serialize(t.Fields))
        .With("@external_id", t.ExternalId).With("@external_links", JsonSerializer.Serialize(t.ExternalLinks, TicketEventJson.Options))
        .With("@public_message_count", t.PublicMessageCount).With("@internal_note_count", t.InternalNoteCount)
        .With("@created_at", UnixTime.ToMs(t.CreatedAt)).With("@updated_at", UnixTime.ToMs(t.UpdatedAt))
        .With("@first_agent_reply_at", UnixTime.ToMs(t.FirstAgentReplyAt)).With("@solved_at", UnixTime.ToMs(t.SolvedAt))
        .With("@closed_at", UnixTime.ToMs(t.ClosedAt)).With("@alerts", JsonSerializer.Serialize(ShownAlerts(t), TicketEventJson.Options))
        .With("@escalations", JsonSerializer.Serialize(t.Escalations, TicketEventJson.Options))
        .With("@cc", t.Cc.Count > 0 ? JsonSerializer.Serialize(t.Cc) : null)
        .With("@solved_version", t.SolvedVersion).With("@rated_solved_version", t.RatedSolvedVersion)
        .With("@satisfaction", t.Satisfaction is { } rating ? Names.Of(rating) : null)
        .With("@customer", t.Customer is { } customer ? JsonSerializer.Serialize(customer, TicketEventJson.Options) : null)
        .With("@customer_tier", t.Customer?.Tier?.ToLowerInvariant()).With("@customer_segment", t.Customer?.Segment?.ToLowerInvariant())
        .With("@customer_region", t.Customer?.Region?.ToLowerInvariant())
        .With("@meetings", t.Meetings.Count > 0 ? JsonSerializer.Serialize(t.Meetings, TicketEventJson.Options) : null);

    // A storm incident can hold thousands of alerts; the row keeps the ones an agent looks at first (the alerts table has all).
    private static IEnumerable<TicketAlert> ShownAlerts(TicketState t) =>
        t.Alerts.Count <= AlertTickets.ListedOnTicket
            ? t.Alerts
            : t.Alerts.OrderBy(a => a.Status == AlertStatus.Resolved).ThenByDescending(a => a.LastSeenAt).Take(AlertTickets.ListedOnTicket);

    private async Task WriteTagsAsync(TicketState ticket, CancellationToken cancellationToken)
    {
        await commands.Get("DELETE FROM ticket_tags WHERE ticket = @ticket").With("@ticket", ticket.Number).ExecuteNonQueryAsync(cancellationToken);
        foreach (var tag in ticket.Tags)
        {
            await commands.Get("INSERT INTO ticket_tags (tag, ticket) VALUES (@tag, @ticket)")
                .With("@tag", tag).With("@ticket", ticket.Number).ExecuteNonQueryAsync(cancellationToken);
        }
    }
}

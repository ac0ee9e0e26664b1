using System.Text.Json;
using HelpDesk.Domain.Events;
using HelpDesk.Sdk.Tickets;

namespace HelpDesk.Sdk.Testing;

/// <summary>Builds <see cref="TicketEventEnvelope"/>s shaped like the hub's, with <c>Data</c> in the REST API's JSON.</summary>
public static class TicketEvents
{
    /// <summary>
    /// The <c>ticket-opened</c> event of <paramref name="ticket"/> (version 1, by its requester), with number, subject,
    /// description, requester, channel, priority, tags, fields and external id in <c>Data</c>.
    /// </summary>
    /// <param name="ticket">The ticket, usually from <see cref="RecordingHelpDeskApi.Seed"/>.</param>
    /// <param name="description">The customer's words, which a snapshot does not carry.</param>
    /// <param name="position">The event's place in the hub's log.</param>
    public static TicketEventEnvelope Opened(TicketSnapshot ticket, string description = "Opened by a test.", long position = 1) =>
        Create(
            ticket.Number,
            version: 1,
            "ticket-opened",
            new
            {
                number = ticket.Number,
                subject = ticket.Subject,
                description,
                requester = ticket.Requester,
                channel = TicketChannel.Integration,
                priority = ticket.Priority,
                tags = ticket.Tags,
                fields = ticket.Fields,
                externalId = ticket.ExternalId,
            },
            actorKind: "customer",
            actorId: ticket.Requester.Email,
            at: ticket.CreatedAt,
            position);

    /// <summary>A <c>status-changed</c> event that moved <paramref name="ticket"/> from <paramref name="from"/> to its current status, at its current version, by an agent.</summary>
    /// <param name="ticket">The ticket after the change.</param>
    /// <param name="from">The status before.</param>
    /// <param name="position">The event's place in the hub's log.</param>
    public static TicketEventEnvelope StatusChanged(TicketSnapshot ticket, TicketStatus from, long position = 1) =>
        Create(ticket.Number, ticket.Version, "status-changed", new { from, to = ticket.Status }, at: ticket.UpdatedAt, position: position);

    /// <summary>Any event: <paramref name="data"/> is serialised as the REST API would (camelCase, kebab-case enums, no nulls).</summary>
    /// <param name="ticket">The ticket's number.</param>
    /// <param name="version">The ticket's version after the event.</param>
    /// <param name="type">The event's stable name, such as <c>priority-changed</c>.</param>
    /// <param name="data">The event's members, an anonymous object for instance.</param>
    /// <param name="actorKind"><c>customer</c>, <c>agent</c>, <c>integration</c> or <c>system</c>.</param>
    /// <param name="actorId">The actor's id (an email for customers).</param>
    /// <param name="at">When it happened; the Unix epoch when null, so tests stay deterministic.</param>
    /// <param name="position">The event's place in the hub's log.</param>
    public static TicketEventEnvelope Create(
        long ticket,
        int version,
        string type,
        object data,
        string actorKind = "agent",
        string actorId = "agent@example.com",
        DateTimeOffset? at = null,
        long position = 1) =>
        // The hub's own event JSON, which its feed serialises envelopes' data with.
        new(position, ticket, version, type, actorKind, actorId, at ?? DateTimeOffset.UnixEpoch, JsonSerializer.SerializeToElement(data, data.GetType(), TicketEventJson.Options));
}

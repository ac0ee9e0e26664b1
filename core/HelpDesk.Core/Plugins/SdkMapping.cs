using System.Text.Json;
using HelpDesk.Core.Storage;
using HelpDesk.Domain.Alerts;
using HelpDesk.Domain.Commands;
using HelpDesk.Domain.Events;
using HelpDesk.Domain.Tickets;
using HelpDesk.Sdk;
using HelpDesk.Sdk.Tickets;
using DomainStatus = HelpDesk.Domain.Tickets.TicketStatus;
using SdkStatus = HelpDesk.Sdk.Tickets.TicketStatus;

namespace HelpDesk.Core.Plugins;

/// <summary>Between the domain's types and the SDK's: the SDK never exposes a domain type, so either can change alone.</summary>
public static class SdkMapping
{
    public static TicketSnapshot ToSnapshot(TicketState t) => new(
        t.Number,
        t.Version,
        t.Subject,
        ByName<DomainStatus, SdkStatus>(t.Status),
        ByName<Priority, TicketPriority>(t.Priority),
        new Customer(t.Requester!.Email, t.Requester.Name, t.Requester.Language, t.Requester.TimeZone, t.Requester.Organization),
        t.Assignee,
        t.Queue,
        [.. t.Tags],
        new Dictionary<string, string>(t.Fields),
        t.ExternalId,
        [.. t.ExternalLinks.Select(l => new ExternalReference(l.System, l.Key, l.Url))],
        t.CreatedAt,
        t.UpdatedAt);

    public static OpenTicket ToCommand(NewTicket ticket) => new(
        ticket.Subject,
        ticket.Description,
        new Requester(ticket.Requester.Email, ticket.Requester.Name, ticket.Requester.Language, ticket.Requester.TimeZone, ticket.Requester.Organization),
        ByName<TicketChannel, Channel>(ticket.Channel),
        Priority: ticket.Priority is { } priority ? ByName<TicketPriority, Priority>(priority) : null,
        Tags: ticket.Tags,
        Fields: ticket.Fields,
        ExternalId: ticket.ExternalId,
        Category: ticket.Category,
        Queue: ticket.Queue,
        Cc: ticket.Cc,
        Attachments: ToDomain(ticket.Attachments));

    public static IReadOnlyList<Domain.Tickets.Attachment>? ToDomain(IReadOnlyList<Sdk.Tickets.Attachment> attachments) =>
        attachments is [] ? null : [.. attachments.Select(a => new Domain.Tickets.Attachment(a.Id, a.FileName, a.ContentType, a.Size, a.ContentId))];

    public static RecordExternalUpdate ToCommand(ExternalUpdate update) =>
        new(update.System, update.Key, update.Status, update.IsResolved, update.Comment, update.Author, update.Url, update.Id);

    public static TicketEventEnvelope ToEnvelope(StoredTicketEvent stored)
    {
        // Actor and time are members of the envelope; the data holds the rest, as the REST API's audit trail shows it,
        // less the meeting host's link: a plugin may pass what it gets on to customers.
        var shown = stored.Event switch
        {
            MeetingScheduled scheduled => scheduled with { Meeting = scheduled.Meeting with { StartUrl = null, RequestKey = null } },
            _ => stored.Event,
        };
        var data = JsonSerializer.SerializeToNode(shown, shown.GetType(), TicketEventJson.Options)!.AsObject();
        data.Remove("actor");
        data.Remove("at");
        return new TicketEventEnvelope(
            stored.Position, stored.Ticket, stored.Version, stored.Type, Names.Of(stored.Event.Actor.Kind), stored.Event.Actor.Id, stored.Event.At,
            JsonSerializer.SerializeToElement(data, TicketEventJson.Options));
    }

    public static ReportAlert ToCommand(Sdk.Alerts.AlertSignal signal) => new(
        signal.Source,
        signal.DedupKey,
        ByName<Sdk.Alerts.AlertStatus, Domain.Alerts.AlertStatus>(signal.Status),
        signal.Summary,
        ByName<Sdk.Alerts.AlertSeverity, Domain.Alerts.AlertSeverity>(signal.Severity),
        signal.Details,
        signal.Labels ?? new Dictionary<string, string>(),
        [.. (signal.Links ?? []).Select(l => new Domain.Alerts.AlertLink(l.Url, l.Text))],
        signal.OccurredAt,
        signal.OccurrenceId,
        signal.Group);

    public static Sdk.Alerts.AlertReport ToReport(AlertResult result) =>
        new(ByName<Domain.Alerts.AlertOutcome, Sdk.Alerts.AlertOutcome>(result.Outcome), result.Ticket, result.Occurrences);

    public static DomainStatus ToDomain(SdkStatus status) => ByName<SdkStatus, DomainStatus>(status);

    public static Channel ToDomain(TicketChannel channel) => ByName<TicketChannel, Channel>(channel);

    public static Priority ToDomain(TicketPriority priority) => ByName<TicketPriority, Priority>(priority);

    public static Domain.Meetings.MeetingChange ToDomain(Sdk.Capabilities.MeetingUpdateKind kind) => ByName<Sdk.Capabilities.MeetingUpdateKind, Domain.Meetings.MeetingChange>(kind);

    public static HelpDeskApiException ToException(Rejection rejection) => new(
        rejection.Kind switch
        {
            RejectionKind.NotFound => HelpDeskApiError.NotFound,
            RejectionKind.Invalid => HelpDeskApiError.Invalid,
            _ => HelpDeskApiError.Conflict,
        },
        rejection.Field,
        rejection.Message);

    // The two enums spell their members alike; a member missing on one side fails the tests, not a customer.
    private static TTo ByName<TFrom, TTo>(TFrom value)
        where TFrom : struct, Enum
        where TTo : struct, Enum => Enum.Parse<TTo>(value.ToString());
}

using HelpDesk.Domain.Alerts;
using HelpDesk.Domain.Commands;
using HelpDesk.Domain.Tickets;
using HelpDesk.Sdk.Tickets;
using DomainStatus = HelpDesk.Domain.Tickets.TicketStatus;
using SdkStatus = HelpDesk.Sdk.Tickets.TicketStatus;

namespace HelpDesk.Sdk.Testing;

/// <summary>
/// Between the SDK's types and the hub's domain, as the hub's own <c>HelpDesk.Core.Plugins.SdkMapping</c> does: the kit
/// ships HelpDesk.Domain but not HelpDesk.Core (Orleans, storage), so it keeps its own copy of the members it needs.
/// </summary>
internal static class SdkMapping
{
    public static OpenTicket ToCommand(NewTicket ticket) => new(
        ticket.Subject,
        ticket.Description,
        new Requester(ticket.Requester.Email, ticket.Requester.Name, ticket.Requester.Language, ticket.Requester.TimeZone, ticket.Requester.Organization),
        ByName<TicketChannel, Channel>(ticket.Channel),
        Priority: ticket.Priority is { } priority ? ToDomain(priority) : null,
        Tags: ticket.Tags,
        Fields: ticket.Fields,
        ExternalId: ticket.ExternalId,
        Category: ticket.Category,
        Queue: ticket.Queue,
        DescriptionHtml: ticket.HtmlDescription,
        Cc: ticket.Cc,
        Attachments: ToDomain(ticket.Attachments));

    public static IReadOnlyList<Domain.Tickets.Attachment>? ToDomain(IReadOnlyList<Tickets.Attachment> attachments) =>
        attachments is [] ? null : [.. attachments.Select(a => new Domain.Tickets.Attachment(a.Id, a.FileName, a.ContentType, a.Size, a.ContentId))];

    public static RecordExternalUpdate ToCommand(ExternalUpdate update) =>
        new(update.System, update.Key, update.Status, update.IsResolved, update.Comment, update.Author, update.Url, update.Id);

    public static ReportAlert ToCommand(Alerts.AlertSignal signal) => new(
        signal.Source,
        signal.DedupKey,
        ByName<Alerts.AlertStatus, Domain.Alerts.AlertStatus>(signal.Status),
        signal.Summary,
        ByName<Alerts.AlertSeverity, Domain.Alerts.AlertSeverity>(signal.Severity),
        signal.Details,
        signal.Labels ?? new Dictionary<string, string>(),
        [.. (signal.Links ?? []).Select(l => new Domain.Alerts.AlertLink(l.Url, l.Text))],
        signal.OccurredAt,
        signal.OccurrenceId,
        signal.Group);

    public static Alerts.AlertOutcome ToSdk(Domain.Alerts.AlertOutcome outcome) => ByName<Domain.Alerts.AlertOutcome, Alerts.AlertOutcome>(outcome);

    public static DomainStatus ToDomain(SdkStatus status) => ByName<SdkStatus, DomainStatus>(status);

    public static Channel ToDomain(TicketChannel channel) => ByName<TicketChannel, Channel>(channel);

    public static Priority ToDomain(TicketPriority priority) => ByName<TicketPriority, Priority>(priority);

    /// <param name="state">The ticket.</param>
    /// <param name="fields">Its fields in the order they were given (the fake's tickets never change them).</param>
    public static TicketSnapshot ToSnapshot(TicketState state, IReadOnlyDictionary<string, string> fields) => new(
        state.Number,
        state.Version,
        state.Subject,
        ByName<DomainStatus, SdkStatus>(state.Status),
        ByName<Priority, TicketPriority>(state.Priority),
        new Customer(state.Requester!.Email, state.Requester.Name, state.Requester.Language, state.Requester.TimeZone, state.Requester.Organization),
        state.Assignee,
        state.Queue,
        [.. state.Tags],
        new Dictionary<string, string>(fields),
        state.ExternalId,
        [.. state.ExternalLinks.Select(l => new ExternalReference(l.System, l.Key, l.Url))],
        state.CreatedAt,
        state.UpdatedAt);

    public static HelpDeskApiException ToException(Rejection rejection) => new(
        rejection.Kind switch
        {
            RejectionKind.NotFound => HelpDeskApiError.NotFound,
            RejectionKind.Invalid => HelpDeskApiError.Invalid,
            _ => HelpDeskApiError.Conflict,
        },
        rejection.Field,
        rejection.Message);

    // The two enums spell their members alike, as in the hub's mapping.
    private static TTo ByName<TFrom, TTo>(TFrom value)
        where TFrom : struct, Enum
        where TTo : struct, Enum => Enum.Parse<TTo>(value.ToString());
}

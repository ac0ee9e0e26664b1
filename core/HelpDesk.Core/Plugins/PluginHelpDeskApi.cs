using HelpDesk.Core.Alerts;
using HelpDesk.Core.Attachments;
using HelpDesk.Core.Meetings;
using HelpDesk.Core.Messages;
using HelpDesk.Core.Queries;
using HelpDesk.Core.Tickets;
using HelpDesk.Domain.Commands;
using HelpDesk.Domain.Tickets;
using HelpDesk.Domain.Events;
using HelpDesk.Sdk;
using HelpDesk.Sdk.Capabilities;
using HelpDesk.Sdk.Alerts;
using HelpDesk.Sdk.Tickets;

namespace HelpDesk.Core.Plugins;

/// <summary>
/// <see cref="IHelpDeskApi"/> for one plugin: every change goes through the ticket's grain, as the REST API's do,
/// with the plugin as the actor (<c>plugin:{id}</c>); reads come from the projection.
/// </summary>
public sealed class PluginHelpDeskApi(
    string pluginId,
    TicketCommands commands,
    AlertCommands alerts,
    TicketQueries queries,
    MessageIndex messages,
    MeetingIndex meetings,
    AttachmentStore attachments,
    Func<string, bool> ownsMeetingProvider)
    : IHelpDeskApi
{
    private readonly Actor _plugin = new(ActorKind.Integration, $"plugin:{pluginId}", pluginId);

    /// <summary>
    /// With an external id the open is idempotent per plugin: the id reserves the ticket's number durably first, so a
    /// retry after a crash (a mailbox re-polled before its checkpoint) finds the same ticket.
    /// </summary>
    public async Task<TicketSnapshot> OpenTicketAsync(NewTicket ticket, CancellationToken cancellationToken)
    {
        var command = SdkMapping.ToCommand(ticket) with { DescriptionHtml = MessageHtml.Sanitize(ticket.HtmlDescription) };
        var key = TicketInput.Blank(ticket.ExternalId) is { } externalId ? $"plugin:{pluginId}:external:{externalId}" : null;
        return Snapshot(await commands.OpenAsync(command, _plugin, key, requestHash: key is null ? null : "external-id", cancellationToken));
    }

    public async Task<TicketSnapshot?> FindByMessageIdAsync(IReadOnlyList<string> messageIds, CancellationToken cancellationToken) =>
        await messages.FindTicketAsync(messageIds, cancellationToken) is { } number ? await GetTicketAsync(number, cancellationToken) : null;

    public async Task<Sdk.Tickets.Attachment> StoreAttachmentAsync(string fileName, string contentType, Stream content, CancellationToken cancellationToken)
    {
        try
        {
            var (id, size) = await attachments.SaveAsync(content, cancellationToken);
            return new Sdk.Tickets.Attachment(id, AttachmentNames.FileName(fileName), AttachmentNames.ContentType(contentType), size);
        }
        catch (AttachmentTooLargeException tooLarge)
        {
            throw new HelpDeskApiException(HelpDeskApiError.Invalid, "content", tooLarge.Message);
        }
    }

    public async Task<TicketSnapshot?> GetTicketAsync(long number, CancellationToken cancellationToken) =>
        await queries.GetAsync(number, cancellationToken) is { } ticket ? SdkMapping.ToSnapshot(ticket) : null;

    public async Task<IReadOnlyList<TicketSnapshot>> FindByExternalIdAsync(string externalId, CancellationToken cancellationToken)
    {
        var page = await queries.ListAsync(new TicketQuery { ExternalId = externalId, Limit = TicketQuery.MaxLimit }, cancellationToken);
        return [.. page.Items.Select(SdkMapping.ToSnapshot)];
    }

    public async Task<IReadOnlyList<TicketSnapshot>> FindByExternalReferenceAsync(string system, string key, CancellationToken cancellationToken)
    {
        var page = await queries.ListAsync(new TicketQuery { LinkedTo = new ExternalLinkKey(system, key), Limit = TicketQuery.MaxLimit }, cancellationToken);
        return [.. page.Items.Select(SdkMapping.ToSnapshot)];
    }

    public Task<TicketSnapshot> AddCustomerReplyAsync(long number, string body, CancellationToken cancellationToken) =>
        AddCustomerReplyAsync(number, new InboundMessage(body), cancellationToken);

    public async Task<TicketSnapshot> AddCustomerReplyAsync(long number, InboundMessage message, CancellationToken cancellationToken)
    {
        var ticket = await queries.GetAsync(number, cancellationToken)
            ?? throw new HelpDeskApiException(HelpDeskApiError.NotFound, "number", $"There is no ticket #{number}.");
        var customer = message.From is { } from
            ? new Actor(ActorKind.Customer, from.Email.Trim().ToLowerInvariant(), from.Name)
            : new Actor(ActorKind.Customer, ticket.Requester!.Email, ticket.Requester.Name);
        var command = new AddMessage(
            message.Body, MessageVisibility.Public, customer, SdkMapping.ToDomain(message.Channel), message.MessageId, MessageHtml.Sanitize(message.Html),
            message.Cc, SdkMapping.ToDomain(message.Attachments));
        return Snapshot(await commands.AddMessageAsync(number, command, expectedVersion: null));
    }

    public async Task<TicketSnapshot> AddAgentReplyAsync(long number, string body, CancellationToken cancellationToken) =>
        Snapshot(await commands.AddMessageAsync(number, new AddMessage(body, MessageVisibility.Public, _plugin), expectedVersion: null));

    public async Task<TicketSnapshot> AddInternalNoteAsync(long number, string body, CancellationToken cancellationToken) =>
        Snapshot(await commands.AddMessageAsync(number, new AddMessage(body, MessageVisibility.Internal, _plugin), expectedVersion: null));

    public async Task<TicketSnapshot> ChangeStatusAsync(long number, Sdk.Tickets.TicketStatus status, CancellationToken cancellationToken) =>
        Snapshot(await commands.UpdateAsync(number, new UpdateTicket { Status = SdkMapping.ToDomain(status) }, _plugin, expectedVersion: null));

    public async Task<TicketSnapshot> ChangePriorityAsync(long number, TicketPriority priority, CancellationToken cancellationToken) =>
        Snapshot(await commands.UpdateAsync(number, new UpdateTicket { Priority = SdkMapping.ToDomain(priority) }, _plugin, expectedVersion: null));

    public async Task<TicketSnapshot> AddTagsAsync(long number, IReadOnlyList<string> tags, CancellationToken cancellationToken) =>
        Snapshot(await commands.UpdateAsync(number, new UpdateTicket { AddTags = tags }, _plugin, expectedVersion: null));

    public async Task<TicketSnapshot> LinkExternalIssueAsync(long number, ExternalReference reference, CancellationToken cancellationToken) =>
        Snapshot(await commands.LinkExternalIssueAsync(number, new ExternalLink(reference.System, reference.Key, reference.Url), _plugin));

    public async Task<TicketSnapshot> RecordExternalUpdateAsync(long number, ExternalUpdate update, CancellationToken cancellationToken) =>
        Snapshot(await commands.RecordExternalUpdateAsync(number, SdkMapping.ToCommand(update), _plugin));

    public async Task<TicketSnapshot?> RecordMeetingUpdateAsync(MeetingUpdate update, CancellationToken cancellationToken)
    {
        if (!ownsMeetingProvider(update.Provider))
        {
            throw new HelpDeskApiException(HelpDeskApiError.Invalid, "provider", $"Plugin {pluginId} offers no meeting provider named '{update.Provider}'; it can report only its own meetings.");
        }

        if (await meetings.FindTicketAsync(update.Provider, update.MeetingId, cancellationToken) is not { } number)
        {
            return null;
        }

        var recorded = new MeetingUpdated(
            _plugin, update.At, update.Provider, update.MeetingId, SdkMapping.ToDomain(update.Kind), update.At, update.Duration, update.RecordingUrl,
            TicketInput.Blank(update.Id) is { } id ? $"{update.Provider}:{id}" : null);
        return Snapshot(await commands.RecordMeetingUpdateAsync(number, recorded));
    }

    public async Task<AlertReport> ReportAlertAsync(AlertSignal signal, CancellationToken cancellationToken)
    {
        var result = await alerts.ReportAsync(SdkMapping.ToCommand(signal), _plugin);
        return result.Rejection is { } rejection ? throw SdkMapping.ToException(rejection) : SdkMapping.ToReport(result);
    }

    private static TicketSnapshot Snapshot(TicketCommandResult result) =>
        result.Rejection is { } rejection ? throw SdkMapping.ToException(rejection) : SdkMapping.ToSnapshot(result.Ticket!);
}

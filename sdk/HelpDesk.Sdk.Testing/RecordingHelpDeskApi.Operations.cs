using HelpDesk.Sdk.Tickets;

namespace HelpDesk.Sdk.Testing;

/// <summary>The <see cref="IHelpDeskApi"/> members: each records the call, then changes the ticket or refuses.</summary>
public sealed partial class RecordingHelpDeskApi
{
    /// <inheritdoc/>
    public Task<TicketSnapshot> OpenTicketAsync(NewTicket ticket, CancellationToken cancellationToken) =>
        Record(nameof(OpenTicketAsync), [ticket], () => OpenOnce(ticket).Snapshot(), cancellationToken);

    /// <inheritdoc/>
    public Task<TicketSnapshot?> GetTicketAsync(long number, CancellationToken cancellationToken) =>
        Record(nameof(GetTicketAsync), [number], () => Find(number)?.Snapshot(), cancellationToken);

    /// <inheritdoc/>
    public Task<IReadOnlyList<TicketSnapshot>> FindByExternalIdAsync(string externalId, CancellationToken cancellationToken) =>
        Record<IReadOnlyList<TicketSnapshot>>(nameof(FindByExternalIdAsync), [externalId], () =>
            [.. _tickets.Select(t => t.Snapshot()).Where(t => t.ExternalId == externalId).OrderByDescending(t => t.Number)],
            cancellationToken);

    /// <inheritdoc/>
    /// <remarks>Finds the Message-IDs tickets were opened with or received replies with (this hub sends nothing).</remarks>
    public Task<TicketSnapshot?> FindByMessageIdAsync(IReadOnlyList<string> messageIds, CancellationToken cancellationToken) =>
        Record(nameof(FindByMessageIdAsync), [messageIds], () => messageIds
            .Select(id => _tickets.Find(t => t.State.ExternalId == id || t.State.MessageIds.Contains(id)))
            .FirstOrDefault(t => t is not null)?.Snapshot(), cancellationToken);

    /// <inheritdoc/>
    /// <remarks>Kept in memory, by SHA-256 as the hub does; read them back from <see cref="StoredAttachments"/>.</remarks>
    public async Task<Attachment> StoreAttachmentAsync(string fileName, string contentType, Stream content, CancellationToken cancellationToken)
    {
        using var copy = new MemoryStream();
        await content.CopyToAsync(copy, cancellationToken);
        var bytes = copy.ToArray();
        var attachment = new Attachment(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), fileName, contentType, bytes.Length);
        lock (_gate)
        {
            _attachments[attachment.Id] = bytes;
        }

        return await Record(nameof(StoreAttachmentAsync), [fileName, contentType], () => attachment, cancellationToken);
    }

    /// <inheritdoc/>
    public Task<TicketSnapshot> AddCustomerReplyAsync(long number, string body, CancellationToken cancellationToken) =>
        Record(nameof(AddCustomerReplyAsync), [number, body], () => AddMessage(number, body, MessageKind.CustomerReply), cancellationToken);

    /// <inheritdoc/>
    public Task<TicketSnapshot> AddCustomerReplyAsync(long number, InboundMessage message, CancellationToken cancellationToken) =>
        Record(nameof(AddCustomerReplyAsync), [number, message], () => AddMessage(number, message.Body, MessageKind.CustomerReply, message), cancellationToken);

    /// <inheritdoc/>
    public Task<IReadOnlyList<TicketSnapshot>> FindByExternalReferenceAsync(string system, string key, CancellationToken cancellationToken) =>
        Record<IReadOnlyList<TicketSnapshot>>(nameof(FindByExternalReferenceAsync), [system, key], () =>
            [.. _tickets.Select(t => t.Snapshot()).Where(t => t.ExternalReferences.Any(r => r.System == system && r.Key == key)).OrderByDescending(t => t.Number)],
            cancellationToken);

    /// <inheritdoc/>
    public Task<TicketSnapshot> RecordExternalUpdateAsync(long number, ExternalUpdate update, CancellationToken cancellationToken) =>
        Record(nameof(RecordExternalUpdateAsync), [number, update], () => RecordExternalUpdate(number, update), cancellationToken);

    /// <inheritdoc/>
    public Task<TicketSnapshot> AddAgentReplyAsync(long number, string body, CancellationToken cancellationToken) =>
        Record(nameof(AddAgentReplyAsync), [number, body], () => AddMessage(number, body, MessageKind.AgentReply), cancellationToken);

    /// <inheritdoc/>
    public Task<TicketSnapshot> AddInternalNoteAsync(long number, string body, CancellationToken cancellationToken) =>
        Record(nameof(AddInternalNoteAsync), [number, body], () => AddMessage(number, body, MessageKind.InternalNote), cancellationToken);

    /// <inheritdoc/>
    public Task<TicketSnapshot> ChangeStatusAsync(long number, TicketStatus status, CancellationToken cancellationToken) =>
        Record(nameof(ChangeStatusAsync), [number, status], () => ChangeStatus(number, status), cancellationToken);

    /// <inheritdoc/>
    public Task<TicketSnapshot> ChangePriorityAsync(long number, TicketPriority priority, CancellationToken cancellationToken) =>
        Record(nameof(ChangePriorityAsync), [number, priority], () => ChangePriority(number, priority), cancellationToken);

    /// <inheritdoc/>
    public Task<TicketSnapshot> AddTagsAsync(long number, IReadOnlyList<string> tags, CancellationToken cancellationToken) =>
        Record(nameof(AddTagsAsync), [number, tags], () => AddTags(number, tags), cancellationToken);

    /// <inheritdoc/>
    public Task<TicketSnapshot> LinkExternalIssueAsync(long number, ExternalReference reference, CancellationToken cancellationToken) =>
        Record(nameof(LinkExternalIssueAsync), [number, reference], () => Link(number, reference), cancellationToken);

    private Task<T> Record<T>(string method, object?[] arguments, Func<T> call, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            try
            {
                var result = call();
                _calls.Add(new RecordedCall(method, arguments, Refusal: null));
                return Task.FromResult(result);
            }
            catch (HelpDeskApiException refusal)
            {
                _calls.Add(new RecordedCall(method, arguments, refusal));
                return Task.FromException<T>(refusal);
            }
        }
    }
}

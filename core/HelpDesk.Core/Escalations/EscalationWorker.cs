using HelpDesk.Core.EventFeed;
using HelpDesk.Core.Plugins;
using HelpDesk.Core.Plugins.Capabilities;
using HelpDesk.Core.Queries;
using HelpDesk.Core.Storage;
using HelpDesk.Core.Tickets;
using HelpDesk.Domain.Escalations;
using HelpDesk.Domain.Events;
using HelpDesk.Domain.Tickets;
using HelpDesk.Sdk.Capabilities;
using HelpDesk.Sdk.Tickets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HelpDesk.Core.Escalations;

/// <summary>
/// Carries out escalations, never on the agent's request: the first attempt from the durable event feed (each
/// <see cref="EscalationRequested"/>), later ones from <see cref="EscalationRetries"/>. Each attempt asks the named
/// plugin's escalation target for the issue with the same idempotency key, so retries never make a second issue, and
/// records the outcome on the ticket. A failing tracker does not hold up the feed: its escalation is marked failing
/// and retried on its own schedule while other escalations go ahead.
/// </summary>
public sealed class EscalationWorker(IServiceProvider services, TicketCommands commands, TicketQueries queries, IOptions<EscalationOptions> options)
    : IEventSubscriber
{
    private static readonly Actor Worker = new(ActorKind.System, "escalations", "Escalations");

    public string Name => "escalations";

    // Looked up at the first event: the plugin host is built with the feed's subscribers, this one among them.
    private PluginCapabilityCatalog Catalog => services.GetRequiredService<PluginCapabilityCatalog>();

    public async Task HandleAsync(StoredTicketEvent @event, int attempt, CancellationToken cancellationToken)
    {
        if (@event.Event is EscalationCommentAdded added
            && await queries.GetAsync(@event.Ticket, cancellationToken) is { } noted
            && noted.Escalations.Find(e => e.Id == added.EscalationId) is { } withNote
            && withNote.PendingNotes.FirstOrDefault(n => n.Id == added.CommentId) is { } note)
        {
            await DeliverNoteAsync(noted.Number, withNote, note, cancellationToken);
            return;
        }

        if (@event.Event is EscalationRequested requested
            && await queries.GetAsync(@event.Ticket, cancellationToken) is { } ticket
            && ticket.Escalations.Find(e => e.Id == requested.EscalationId) is { State: EscalationState.Requested } escalation)
        {
            await AttemptAsync(ticket, escalation, cancellationToken);
        }
    }

    /// <summary>One attempt at an escalation in flight; true when it is done (or can never be).</summary>
    public async Task<bool> AttemptAsync(TicketState ticket, TicketEscalation escalation, CancellationToken cancellationToken)
    {
        if (Catalog.Find<IEscalationTarget>(escalation.Target) is not { } target)
        {
            return await FailAsync(ticket.Number, escalation, $"No running plugin offers the escalation target '{escalation.Target}' (or several do and none has that id).");
        }

        if (escalation.LinkKey is { } key)
        {
            var found = await target.CallAsync((tracker, token) => tracker.GetIssueAsync(new ExternalReference(escalation.Target, key), token), cancellationToken);
            if (found.Succeeded && found.Value is null)
            {
                await commands.FailEscalationAsync(ticket.Number, escalation.Id, $"{escalation.Target} has no issue {key} to link.", final: true, Worker);
                return true;
            }

            return await RecordAsync(ticket.Number, escalation, found);
        }

        var request = new EscalationRequest(
            SdkMapping.ToSnapshot(ticket), escalation.Summary ?? ticket.Subject, Description(ticket, escalation), $"{ticket.Number}-{escalation.Id}")
        {
            Project = escalation.Project,
            IssueType = escalation.IssueType,
            TicketUrl = options.Value.TicketUrl(ticket.Number),
            RequestedBy = escalation.RequestedBy,
        };
        var created = await target.CallAsync<ExternalIssue?>(async (tracker, token) => await tracker.CreateIssueAsync(request, token), cancellationToken);
        return await RecordAsync(ticket.Number, escalation, created);
    }

    /// <summary>
    /// Adds a note to the escalation's issue, at most once there (the idempotency key is the note's); true when it is
    /// there. A failure leaves it pending for <see cref="EscalationRetries"/>.
    /// </summary>
    public async Task<bool> DeliverNoteAsync(long ticket, TicketEscalation escalation, EscalationNote note, CancellationToken cancellationToken)
    {
        if (escalation.Key is not { } key || Catalog.Find<IEscalationTarget>(escalation.Target) is not { } target)
        {
            return false;
        }

        var comment = new EscalationComment(new ExternalReference(escalation.Target, key, escalation.Url), ticket, note.Body, $"{ticket}-{escalation.Id}-{note.Id}")
        {
            Author = note.Author,
        };
        var added = await target.CallAsync((tracker, token) => tracker.AddCommentAsync(comment, token), cancellationToken);
        if (added.Value is not { } external)
        {
            return false;
        }

        await commands.DeliverEscalationCommentAsync(ticket, escalation.Id, note.Id, external.Id, Worker);
        return true;
    }

    /// <summary>Gives up on an escalation that kept failing.</summary>
    public async Task AbandonAsync(long ticket, TicketEscalation escalation, int attempts) =>
        await commands.FailEscalationAsync(ticket, escalation.Id, $"Gave up after {attempts} attempts; last error: {escalation.LastError}", final: true, Worker);

    private async Task<bool> RecordAsync(long ticket, TicketEscalation escalation, CapabilityResult<ExternalIssue?> result)
    {
        if (result.Failure is not null || result.Value is not { } issue)
        {
            return await FailAsync(ticket, escalation, result.Failure?.Message ?? "The tracker answered with no issue.");
        }

        var link = new ExternalLink(escalation.Target, issue.Reference.Key, issue.Reference.Url, issue.Status);
        var recorded = await commands.CompleteEscalationAsync(ticket, escalation.Id, link, Worker);
        return recorded.Rejection is null
            || await FailAsync(ticket, escalation, $"{escalation.Target} returned an issue the ticket cannot link: {recorded.Rejection.Field}: {recorded.Rejection.Message}");
    }

    private async Task<bool> FailAsync(long ticket, TicketEscalation escalation, string reason)
    {
        await commands.FailEscalationAsync(ticket, escalation.Id, reason, final: false, Worker);
        return false;
    }

    private static string Description(TicketState ticket, TicketEscalation escalation)
    {
        var text = $"Escalated from help desk ticket #{ticket.Number} ({TicketStatusRules.Name(ticket.Status)}, priority {ticket.Priority.ToString().ToLowerInvariant()})"
            + $" for {ticket.Requester?.Organization ?? ticket.Requester?.Email}.\n\n{ticket.Description}";
        return escalation.Note is { } note ? $"{text}\n\nNote from support: {note}" : text;
    }
}

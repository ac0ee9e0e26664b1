using HelpDesk.Core.EventFeed;
using HelpDesk.Core.Plugins;
using HelpDesk.Core.Plugins.Capabilities;
using HelpDesk.Core.Queries;
using HelpDesk.Core.Storage;
using HelpDesk.Core.Tickets;
using HelpDesk.Domain.Events;
using HelpDesk.Domain.Tickets;
using HelpDesk.Sdk.Capabilities;
using HelpDesk.Sdk.Tickets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HelpDesk.Core.Escalations;

/// <summary>
/// Carries out escalations from the durable event feed, never on the agent's request: for each
/// <see cref="EscalationRequested"/> it asks the named plugin's escalation target for the issue and records the
/// result on the ticket. A failure is recorded on the ticket and thrown, so the feed retries it with backoff (then
/// parks it as a dead letter to replay); the tracker sees the same idempotency key on every attempt, so retries never
/// make a second issue.
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
        if (@event.Event is not EscalationRequested requested
            || await queries.GetAsync(@event.Ticket, cancellationToken) is not { } ticket
            || ticket.Escalations.Find(e => e.Id == requested.EscalationId) is not { InFlight: true })
        {
            return;
        }

        if (Catalog.Find<IEscalationTarget>(requested.Target) is not { } target)
        {
            await FailAsync(ticket.Number, requested, $"No running plugin offers the escalation target '{requested.Target}'.");
            return;
        }

        if (requested.LinkKey is { } key)
        {
            await LinkAsync(ticket, requested, target, key, cancellationToken);
            return;
        }

        var request = new EscalationRequest(
            SdkMapping.ToSnapshot(ticket), requested.Summary ?? ticket.Subject, Description(ticket, requested), $"{ticket.Number}-{requested.EscalationId}")
        {
            Project = requested.Project,
            IssueType = requested.IssueType,
            TicketUrl = options.Value.TicketUrl(ticket.Number),
            RequestedBy = requested.Actor.Name ?? requested.Actor.Id,
        };
        var created = await target.CallAsync<ExternalIssue?>(async (tracker, token) => await tracker.CreateIssueAsync(request, token), cancellationToken);
        await RecordAsync(ticket.Number, requested, created);
    }

    private async Task LinkAsync(TicketState ticket, EscalationRequested requested, PluginCapability<IEscalationTarget> target, string key, CancellationToken cancellationToken)
    {
        var found = await target.CallAsync((tracker, token) => tracker.GetIssueAsync(new ExternalReference(requested.Target, key), token), cancellationToken);
        if (found.Succeeded && found.Value is null)
        {
            await commands.FailEscalationAsync(ticket.Number, requested.EscalationId, $"{requested.Target} has no issue {key} to link.", final: true, Worker);
            return;
        }

        await RecordAsync(ticket.Number, requested, found);
    }

    private async Task RecordAsync(long ticket, EscalationRequested requested, CapabilityResult<ExternalIssue?> result)
    {
        if (result.Failure is { } failure || result.Value is not { } issue)
        {
            await FailAsync(ticket, requested, result.Failure?.Message ?? "The tracker answered with no issue.");
            return;
        }

        var link = new ExternalLink(requested.Target, issue.Reference.Key, issue.Reference.Url, issue.Status);
        var recorded = await commands.CompleteEscalationAsync(ticket, requested.EscalationId, link, Worker);
        if (recorded.Rejection is { } rejection)
        {
            // The tracker has the issue; what it returned does not fit a link. Retrying finds the same issue again.
            throw new EscalationFailedException($"{requested.Target} returned an issue the ticket cannot link: {rejection.Field}: {rejection.Message}");
        }
    }

    private async Task FailAsync(long ticket, EscalationRequested requested, string reason)
    {
        await commands.FailEscalationAsync(ticket, requested.EscalationId, reason, final: false, Worker);
        throw new EscalationFailedException(reason);
    }

    private static string Description(TicketState ticket, EscalationRequested requested)
    {
        var text = $"Escalated from help desk ticket #{ticket.Number} ({TicketStatusRules.Name(ticket.Status)}, priority {ticket.Priority.ToString().ToLowerInvariant()})"
            + $" for {ticket.Requester?.Organization ?? ticket.Requester?.Email}.\n\n{ticket.Description}";
        return requested.Note is { } note ? $"{text}\n\nNote from support: {note}" : text;
    }
}

/// <summary>An escalation attempt that did not produce its issue; the event feed retries it.</summary>
public sealed class EscalationFailedException(string message) : Exception(message);

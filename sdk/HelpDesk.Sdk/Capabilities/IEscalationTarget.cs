using HelpDesk.Sdk.Tickets;

namespace HelpDesk.Sdk.Capabilities;

/// <summary>
/// A tracker tickets are escalated to (Jira, GitHub): the hub asks it to create an issue for a ticket, to comment on
/// it, and to say where it stands. Progress made in the tracker comes back through the plugin's webhook receiver and
/// <see cref="IHelpDeskApi.RecordExternalUpdateAsync"/>. <see cref="INamedCapability.Name"/> is the system's name, as
/// in <see cref="ExternalReference.System"/>.
/// </summary>
public interface IEscalationTarget : INamedCapability
{
    /// <summary>
    /// Creates the issue, or returns the one an earlier attempt with the same <see cref="EscalationRequest.IdempotencyKey"/>
    /// created: the hub retries after timeouts, and must never get two issues for one escalation.
    /// </summary>
    /// <param name="request">The ticket and what the issue should say.</param>
    /// <param name="cancellationToken">Signalled at the call's timeout or when the plugin is unloaded.</param>
    Task<ExternalIssue> CreateIssueAsync(EscalationRequest request, CancellationToken cancellationToken);

    /// <summary>Adds a comment to an issue, at most once per <see cref="EscalationComment.IdempotencyKey"/>.</summary>
    /// <param name="comment">The issue and the text.</param>
    /// <param name="cancellationToken">Signalled at the call's timeout or when the plugin is unloaded.</param>
    Task<ExternalComment> AddCommentAsync(EscalationComment comment, CancellationToken cancellationToken);

    /// <summary>The issue as the tracker has it now, or null when there is no such issue (an existing key being linked).</summary>
    /// <param name="issue">The issue's system and key.</param>
    /// <param name="cancellationToken">Signalled at the call's timeout or when the plugin is unloaded.</param>
    Task<ExternalIssue?> GetIssueAsync(ExternalReference issue, CancellationToken cancellationToken);
}

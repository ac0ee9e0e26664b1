namespace HelpDesk.Sdk.Capabilities;

/// <summary>
/// Reacts to ticket events. The hub delivers every event in order, at least once, retrying with backoff when the
/// handler throws or overruns its timeout, then parking the event as a dead letter an admin can replay.
/// </summary>
public interface ITicketEventHandler
{
    /// <summary>Handles one event; throw to have it retried.</summary>
    /// <param name="context">The event and its delivery.</param>
    /// <param name="cancellationToken">Signalled at the handler's timeout or when the plugin is unloaded.</param>
    Task HandleAsync(TicketEventContext context, CancellationToken cancellationToken);
}

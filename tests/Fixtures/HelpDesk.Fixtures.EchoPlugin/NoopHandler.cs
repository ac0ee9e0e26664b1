using HelpDesk.Sdk.Capabilities;

namespace HelpDesk.Fixtures.EchoPlugin;

/// <summary>Takes every event and does nothing with it: what is left to measure is the feed's own cost.</summary>
public sealed class NoopHandler : ITicketEventHandler
{
    /// <inheritdoc/>
    public Task HandleAsync(TicketEventContext context, CancellationToken cancellationToken) => Task.CompletedTask;
}

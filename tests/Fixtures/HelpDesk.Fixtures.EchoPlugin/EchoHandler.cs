using HelpDesk.Sdk;
using HelpDesk.Sdk.Capabilities;

namespace HelpDesk.Fixtures.EchoPlugin;

/// <summary>
/// Adds an internal note to every ticket it sees opened, through the hub's API (or misbehaves, by mode). The note
/// names the build's major version, so a v2 build behaves visibly differently from v1.
/// </summary>
public sealed class EchoHandler(IHelpDeskApi helpDesk, string mode) : ITicketEventHandler
{
    /// <inheritdoc/>
    public async Task HandleAsync(TicketEventContext context, CancellationToken cancellationToken)
    {
        if (context.Event.Type != "ticket-opened")
        {
            return;
        }

        switch (mode)
        {
            case "throw":
                throw new InvalidOperationException($"echo refuses #{context.Event.Ticket}");
            case "hang":
                // Ignores its token on purpose: the host must give up on it without its help.
                await new TaskCompletionSource().Task;
                break;
            default:
                await helpDesk.AddInternalNoteAsync(context.Event.Ticket, $"echo v{typeof(EchoHandler).Assembly.GetName().Version!.Major} saw #{context.Event.Ticket}", cancellationToken);
                break;
        }
    }
}

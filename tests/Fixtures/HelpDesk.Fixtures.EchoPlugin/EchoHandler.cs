using HelpDesk.Sdk;
using HelpDesk.Sdk.Capabilities;

namespace HelpDesk.Fixtures.EchoPlugin;

/// <summary>Adds an internal note to every ticket it sees opened, through the hub's API.</summary>
public sealed class EchoHandler(IHelpDeskApi helpDesk) : ITicketEventHandler
{
    /// <inheritdoc/>
    public async Task HandleAsync(TicketEventContext context, CancellationToken cancellationToken)
    {
        if (context.Event.Type == "ticket-opened")
        {
            await helpDesk.AddInternalNoteAsync(context.Event.Ticket, $"echo v1 saw #{context.Event.Ticket}", cancellationToken);
        }
    }
}

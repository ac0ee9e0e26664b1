using HelpDesk.Sdk.Capabilities;

namespace HelpDesk.Sdk.Testing.Tests.SamplePlugin;

public sealed class UrgentTicketNoter(IHelpDeskApi api, TimeProvider time) : ITicketEventHandler
{
    public async Task HandleAsync(TicketEventContext context, CancellationToken cancellationToken)
    {
        var ticketEvent = context.Event;
        if (ticketEvent.Type != "ticket-opened" || ticketEvent.Data.GetProperty("priority").GetString() != "urgent")
        {
            return;
        }

        await api.AddInternalNoteAsync(ticketEvent.Ticket, $"Urgent ticket seen at {time.GetUtcNow():O}: page the on-call agent.", cancellationToken);
    }
}

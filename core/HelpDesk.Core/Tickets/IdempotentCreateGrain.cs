using HelpDesk.Core.Storage;
using HelpDesk.Domain.Commands;
using HelpDesk.Domain.Tickets;

namespace HelpDesk.Core.Tickets;

/// <summary>
/// Reserves a ticket number for the key durably before opening the ticket, so a retry after a crash
/// at any point finds either the ticket or its reserved number, and never opens a second ticket.
/// </summary>
public sealed class IdempotentCreateGrain(IdempotencyStore store, TicketNumberAllocator numbers) : Grain, IIdempotentCreateGrain
{
    public async Task<TicketCommandResult> Create(OpenTicket command, Actor actor, string requestHash)
    {
        var key = this.GetPrimaryKeyString();
        var reservation = await store.FindAsync(key, CancellationToken.None)
            ?? await store.ReserveAsync(key, requestHash, await numbers.NextAsync(CancellationToken.None), CancellationToken.None);
        if (reservation.RequestHash != requestHash)
        {
            return TicketCommandResult.Rejected(new Rejection(
                RejectionKind.Conflict, "Idempotency-Key", "This Idempotency-Key was already used with a different request."));
        }

        var ticket = GrainFactory.GetGrain<ITicketGrain>(reservation.Ticket);
        if (await ticket.Get() is { } existing)
        {
            return new TicketCommandResult(existing, null, Replayed: true);
        }

        var result = await ticket.Open(command, actor);
        if (result.Rejection is not null)
        {
            // As with Stripe: a request refused before anything happened does not use up its key.
            await store.ReleaseAsync(key, CancellationToken.None);
        }

        return result;
    }
}

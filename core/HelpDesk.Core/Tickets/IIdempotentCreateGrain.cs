using HelpDesk.Domain.Commands;
using HelpDesk.Domain.Tickets;

namespace HelpDesk.Core.Tickets;

/// <summary>One Idempotency-Key of one API key: serialises its retries so a create happens at most once.</summary>
public interface IIdempotentCreateGrain : IGrainWithStringKey
{
    Task<TicketCommandResult> Create(OpenTicket command, Actor actor, string requestHash);
}

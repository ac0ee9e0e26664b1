using HelpDesk.Domain.Commands;
using HelpDesk.Domain.Tickets;

namespace HelpDesk.Core.Tickets;

/// <summary>One ticket, keyed by its number: the single writer of its events, so commands never race.</summary>
public interface ITicketGrain : IGrainWithIntegerKey
{
    Task<TicketCommandResult> Open(OpenTicket command, Actor actor);

    Task<TicketCommandResult> AddMessage(AddMessage command, int? expectedVersion);

    Task<TicketCommandResult> Update(UpdateTicket command, Actor actor, int? expectedVersion);

    Task<TicketCommandResult> LinkExternalIssue(ExternalLink link, Actor actor);

    Task<TicketCommandResult> RecordExternalUpdate(RecordExternalUpdate update, Actor actor);

    Task<TicketState?> Get();
}

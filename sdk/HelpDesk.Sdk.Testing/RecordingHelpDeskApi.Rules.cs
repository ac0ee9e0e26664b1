using HelpDesk.Domain.Commands;
using HelpDesk.Domain.Tickets;
using HelpDesk.Sdk.Tickets;
using TicketStatus = HelpDesk.Sdk.Tickets.TicketStatus;

namespace HelpDesk.Sdk.Testing;

/// <summary>
/// What each operation does to a ticket: the hub's own <see cref="TicketDecider"/> decides, with the commands the hub's
/// <c>PluginHelpDeskApi</c> sends it, so the fake accepts and refuses exactly what the hub does. Called under the lock.
/// </summary>
public sealed partial class RecordingHelpDeskApi
{
    // Neither a priority matrix nor the actor shows through the SDK: the SDK gives no impact or urgency, and events
    // are not exposed. The actor is only checked for being well formed, as the hub's plugin actor is.
    private static readonly TicketDecider Decider = new(PriorityMatrix.Default);
    private static readonly Actor Plugin = new(ActorKind.Integration, "plugin:test", "test");

    // As the hub does: a plugin opening again with the same external id gets the ticket it opened. Seeded tickets
    // stand for any already in the hub, so several may share an external id.
    private TicketRecord OpenOnce(NewTicket ticket) =>
        TicketInput.Blank(ticket.ExternalId) is { } externalId && _tickets.Find(t => t.State.ExternalId == externalId) is { } opened ? opened : Open(ticket);

    private TicketRecord Open(NewTicket ticket)
    {
        var record = new TicketRecord(ticket.Fields);
        record.Apply(Decider.Open(record.State, _tickets.Count + 1, SdkMapping.ToCommand(ticket), Plugin, _timeProvider.GetUtcNow()));
        _tickets.Add(record);
        return record;
    }

    private TicketRecord? Find(long number) => _tickets.Find(t => t.Number == number);

    // The hub's plugin API looks the ticket up before any command, with this refusal.
    private TicketRecord Existing(long number) =>
        Find(number) ?? throw new HelpDeskApiException(HelpDeskApiError.NotFound, "number", $"There is no ticket #{number}.");

    private TicketSnapshot AddMessage(long number, string body, MessageKind kind, InboundMessage? inbound = null)
    {
        var ticket = Existing(number);
        var requester = ticket.State.Requester!;
        var author = kind != MessageKind.CustomerReply ? Plugin
            : inbound?.From is { } from ? new Actor(ActorKind.Customer, from.Email.Trim().ToLowerInvariant(), from.Name)
            : new Actor(ActorKind.Customer, requester.Email, requester.Name);
        var visibility = kind == MessageKind.InternalNote ? MessageVisibility.Internal : MessageVisibility.Public;
        var command = new AddMessage(
            body, visibility, author, inbound is null ? null : SdkMapping.ToDomain(inbound.Channel), inbound?.MessageId, inbound?.Html, inbound?.Cc,
            inbound is null ? null : SdkMapping.ToDomain(inbound.Attachments));
        var now = _timeProvider.GetUtcNow();
        if (ticket.Apply(TicketDecider.AddMessage(ticket.State, command, now)) > 0)
        {
            _messages.Add(new RecordedMessage(number, kind, body, now) 
            {
                Channel = inbound?.Channel,
                MessageId = TicketInput.Blank(inbound?.MessageId),
                Inbound = inbound,
            });
        }

        return ticket.Snapshot();
    }

    private TicketSnapshot ChangeStatus(long number, TicketStatus status) =>
        Update(number, new UpdateTicket { Status = SdkMapping.ToDomain(status) });

    private TicketSnapshot ChangePriority(long number, TicketPriority priority) =>
        Update(number, new UpdateTicket { Priority = SdkMapping.ToDomain(priority) });

    private TicketSnapshot AddTags(long number, IReadOnlyList<string> tags) =>
        Update(number, new UpdateTicket { AddTags = tags });

    private TicketSnapshot Update(long number, UpdateTicket command)
    {
        var ticket = Existing(number);
        ticket.Apply(Decider.Update(ticket.State, command, Plugin, _timeProvider.GetUtcNow()));
        return ticket.Snapshot();
    }

    private TicketSnapshot Link(long number, ExternalReference reference)
    {
        var ticket = Existing(number);
        ticket.Apply(TicketDecider.LinkExternalIssue(ticket.State, new ExternalLink(reference.System, reference.Key, reference.Url), Plugin, _timeProvider.GetUtcNow()));
        return ticket.Snapshot();
    }

    private TicketSnapshot RecordExternalUpdate(long number, ExternalUpdate update)
    {
        var ticket = Existing(number);
        var now = _timeProvider.GetUtcNow();
        if (ticket.Apply(TicketDecider.RecordExternalUpdate(ticket.State, SdkMapping.ToCommand(update), Plugin, now)) > 0)
        {
            _externalUpdates.Add(new RecordedExternalUpdate(number, update, now));
        }

        return ticket.Snapshot();
    }
}

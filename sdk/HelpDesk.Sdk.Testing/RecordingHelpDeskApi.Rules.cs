using HelpDesk.Domain.Commands;
using HelpDesk.Domain.Tickets;
using HelpDesk.Sdk.Tickets;
using TicketStatus = HelpDesk.Sdk.Tickets.TicketStatus;

namespace HelpDesk.Sdk.Testing;

/// <summary>What each operation does to a ticket, following the hub's <c>TicketDecider</c>; called under the lock.</summary>
public sealed partial class RecordingHelpDeskApi
{
    private TicketRecord Open(NewTicket ticket)
    {
        var problem = HubRules.Tags("tags", ticket.Tags, out var tags);
        problem = HubRules.SingleLine("subject", ticket.Subject, TicketLimits.Subject)
            ?? HubRules.Text("description", ticket.Description, TicketLimits.Body)
            ?? HubRules.Requester(ticket.Requester)
            ?? HubRules.SingleLine("externalId", ticket.ExternalId, TicketLimits.ExternalId, required: false)
            ?? problem
            ?? HubRules.Fields(ticket.Fields);
        if (problem is not null)
        {
            throw problem;
        }

        var record = new TicketRecord(_tickets.Count + 1, ticket, _timeProvider.GetUtcNow());
        record.Tags.UnionWith(tags);
        _tickets.Add(record);
        return record;
    }

    private TicketRecord? Find(long number) => _tickets.Find(t => t.Number == number);

    private TicketRecord Existing(long number) => Find(number) ?? throw Refusals.NoSuchTicket(number);

    private TicketSnapshot AddMessage(long number, string body, MessageKind kind, InboundMessage? inbound = null)
    {
        var ticket = Existing(number);
        var problem = HubRules.Text("body", body, TicketLimits.Body)
            ?? HubRules.SingleLine("messageId", inbound?.MessageId, TicketLimits.MessageId, required: false);
        if (problem is not null)
        {
            throw problem;
        }

        var messageId = HubRules.Blank(inbound?.MessageId);
        if (messageId is not null && (ticket.MessageIds.Contains(messageId) || HubRules.Blank(ticket.Snapshot().ExternalId) == messageId))
        {
            return ticket.Snapshot();
        }

        if (ticket.Status == TicketStatus.Closed)
        {
            throw new HelpDeskApiException(HelpDeskApiError.Conflict, "status", $"Ticket #{number} is closed; open a follow-up ticket instead.");
        }

        var now = _timeProvider.GetUtcNow();
        ticket.Apply(now, () =>
        {
            _messages.Add(new RecordedMessage(number, kind, body, now) { Channel = inbound?.Channel, MessageId = messageId });
            if (messageId is not null)
            {
                ticket.MessageIds.Add(messageId);
            }
        });
        var reopens = kind == MessageKind.CustomerReply && ticket.Status is TicketStatus.Pending or TicketStatus.Solved;
        var opens = kind == MessageKind.AgentReply && ticket.Status == TicketStatus.New;
        if (reopens || opens)
        {
            ticket.MoveTo(TicketStatus.Open, now);
        }

        return ticket.Snapshot();
    }

    private TicketSnapshot ChangeStatus(long number, TicketStatus status)
    {
        var ticket = Existing(number);
        if (status == ticket.Status)
        {
            return ticket.Snapshot();
        }

        if (HubRules.CheckMove(ticket.Status, status) is { } problem)
        {
            throw problem;
        }

        ticket.MoveTo(status, _timeProvider.GetUtcNow());
        return ticket.Snapshot();
    }

    // A closed ticket is a record: an edit that would change it is refused, one that changes nothing is not.
    private TicketSnapshot ChangePriority(long number, TicketPriority priority)
    {
        var ticket = Existing(number);
        if (priority != ticket.Priority)
        {
            ThrowIfClosed(ticket);
            ticket.SetPriority(priority, _timeProvider.GetUtcNow());
        }

        return ticket.Snapshot();
    }

    private TicketSnapshot AddTags(long number, IReadOnlyList<string> tags)
    {
        var ticket = Existing(number);
        if (HubRules.Tags("addTags", tags, out var normalised) is { } problem)
        {
            throw problem;
        }

        var added = normalised.Except(ticket.Tags).ToList();
        if (ticket.Tags.Count + added.Count > TicketLimits.Tags)
        {
            throw Refusals.Invalid("addTags", $"A ticket has at most {TicketLimits.Tags} tags.");
        }

        if (added.Count > 0)
        {
            ThrowIfClosed(ticket);
            ticket.Apply(_timeProvider.GetUtcNow(), () => ticket.Tags.UnionWith(added));
        }

        return ticket.Snapshot();
    }

    // Like the hub, linking does not check for closed: a closed ticket may still gain a reference.
    private TicketSnapshot Link(long number, ExternalReference reference)
    {
        var ticket = Existing(number);
        var problem = HubRules.SingleLine("system", reference.System, TicketLimits.System)
            ?? HubRules.SingleLine("key", reference.Key, TicketLimits.ExternalId)
            ?? HubRules.SingleLine("url", reference.Url, TicketLimits.Url, required: false);
        if (problem is not null)
        {
            throw problem;
        }

        if (!ticket.ExternalLinks.Exists(l => l.System == reference.System && l.Key == reference.Key))
        {
            ticket.Apply(_timeProvider.GetUtcNow(), () => ticket.ExternalLinks.Add(new ExternalLink(reference.System, reference.Key, reference.Url)));
        }

        return ticket.Snapshot();
    }

    private TicketSnapshot RecordExternalUpdate(long number, ExternalUpdate update)
    {
        var ticket = Existing(number);
        var command = new RecordExternalUpdate(update.System, update.Key, update.Status, update.IsResolved, update.Comment, update.Author, update.Url);
        if (HubRules.ExternalUpdate(command, ticket.ExternalLinks) is { } problem)
        {
            throw problem;
        }

        var index = ticket.ExternalLinks.FindIndex(l => l.System == update.System && l.Key == update.Key);
        var link = ticket.ExternalLinks[index];
        if (!ExternalUpdateRules.IsNews(command, link))
        {
            return ticket.Snapshot();
        }

        ThrowIfClosed(ticket);
        var now = _timeProvider.GetUtcNow();
        ticket.Apply(now, () =>
        {
            ticket.ExternalLinks[index] = link with { Status = HubRules.Blank(update.Status) ?? link.Status, Url = HubRules.Blank(update.Url) ?? link.Url };
            _externalUpdates.Add(new RecordedExternalUpdate(number, update, now));
        });
        return ticket.Snapshot();
    }

    private static void ThrowIfClosed(TicketRecord ticket)
    {
        if (ticket.Status == TicketStatus.Closed)
        {
            throw Refusals.Closed(ticket.Number);
        }
    }
}

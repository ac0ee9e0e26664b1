using System.Security.Cryptography;
using System.Text;
using HelpDesk.Core.Customers;
using HelpDesk.Core.EventFeed;
using HelpDesk.Core.Escalations;
using HelpDesk.Core.Messages;
using HelpDesk.Core.Satisfaction;
using HelpDesk.Core.Queries;
using HelpDesk.Core.Routing;
using HelpDesk.Core.Storage;
using HelpDesk.Domain.Events;
using HelpDesk.Domain.Routing;
using HelpDesk.Domain.Tickets;
using HelpDesk.Sdk.Capabilities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HelpDesk.Core.Notifications;

/// <summary>
/// Sends notifications from the durable event feed: for each ticket event that someone should hear about, renders the
/// template in the recipient's language and time zone and hands it to the configured outbound channel. The message id
/// is derived from the ticket, its version, the kind and the recipient, so a redelivered event sends the same message,
/// which the channel sends once. A channel that fails is retried by the feed; with no channel running, nothing is sent.
/// </summary>
public sealed class NotificationDispatcher(
    OutboundChannel outbound,
    TicketQueries queries,
    RoutingStore agents,
    CustomerStore customers,
    NotificationTemplates templates,
    MessageIndex thread,
    SatisfactionLinks surveys,
    IOptions<EscalationOptions> links,
    ILogger<NotificationDispatcher> logger) : IEventSubscriber
{
    public string Name => "notifications";

    public async Task HandleAsync(StoredTicketEvent @event, int attempt, CancellationToken cancellationToken)
    {
        if (NotificationRecipients.KindOf(@event.Event) is not { } kind || await queries.GetAsync(@event.Ticket, cancellationToken) is not { } ticket)
        {
            return;
        }

        if (outbound.Find() is not { } channel)
        {
            logger.LogDebug("No outbound channel '{Channel}' is running; {Kind} for ticket {Ticket} is not sent", outbound.Name, kind, ticket.Number);
            return;
        }

        var recipients = await RecipientsAsync(kind, ticket, cancellationToken);
        if (recipients.Count == 0)
        {
            return;
        }

        var threading = await ThreadingAsync(ticket.Number, cancellationToken);
        var templatesByLanguage = new Dictionary<string, NotificationTemplate>(StringComparer.OrdinalIgnoreCase);
        foreach (var recipient in recipients)
        {
            // A queue's members mostly share a language: each template is looked up once per event, not per person.
            var language = recipient.Language ?? "";
            if (!templatesByLanguage.TryGetValue(language, out var template))
            {
                templatesByLanguage[language] = template = await templates.ResolveAsync(kind, recipient.Language, cancellationToken);
            }

            var composed = await ComposeAsync(kind, template, ticket, @event, recipient, cancellationToken);
            var message = composed with
            {
                InReplyTo = threading.InReplyTo,

                // A retry finds its own id already recorded; a message does not refer to itself.
                References = [.. threading.References.Where(id => id != composed.MessageId)],
                Cc = NotificationRecipients.IsForRequester(kind) ? [.. ticket.Cc.Select(address => new MessageRecipient(address))] : [],
                Automatic = kind != NotificationKind.AgentReplied,
            };

            // Recorded before sending, so the customer's answer to it finds this ticket even if we crash right after.
            await thread.RecordSentAsync(message.MessageId, ticket.Number, @event.Event.At, cancellationToken);
            var sent = await channel.CallAsync((c, token) => c.SendAsync(message, token), cancellationToken);
            if (sent.Failure is { IsTransient: true } outage)
            {
                throw new DeferredDeliveryException($"Channel '{outbound.Name}' cannot send {kind} for ticket {ticket.Number} now: {outage.Message}");
            }

            if (sent.Failure is { } failure)
            {
                // Thrown so the feed retries this event later (and parks it after its attempts), losing nothing.
                throw new InvalidOperationException($"Channel '{outbound.Name}' could not send {kind} for ticket {ticket.Number}: {failure.Message}");
            }
        }
    }

    private async Task<OutboundMessage> ComposeAsync(
        NotificationKind kind, NotificationTemplate template, TicketState ticket, StoredTicketEvent @event, Recipient recipient, CancellationToken cancellationToken)
    {
        var model = new NotificationModel(
            ticket.Number, ticket.Subject, Names.Of(ticket.Status), Names.Of(ticket.Priority), links.Value.TicketUrl(ticket.Number), ticket.CreatedAt, recipient.Name, recipient.Email)
        {
            RecipientLanguage = recipient.Language,
            RecipientTimeZone = recipient.TimeZone,
            MessageBody = @event.Event switch
            {
                AgentReplied r => r.Body,
                CustomerReplied r => r.Body,
                ExternalIssueUpdated u => $"{u.System} {u.Key} is now {u.Status ?? "done"}." + (u.Comment is { } comment ? $"\n\n{u.Author ?? u.System}: {comment}" : ""),
                _ => null,
            },
            MessageAuthor = @event.Event.Actor.Name ?? @event.Event.Actor.Id,
            AgentName = ticket.Assignee,
            SlaTarget = @event.Event switch { SlaWarning w => Names.Of(w.Kind), SlaBreached b => Names.Of(b.Kind), _ => null },
            SlaDueAt = @event.Event switch { SlaWarning w => w.DueAt, SlaBreached b => b.DueAt, _ => null },

            // From the solve event itself, so a redelivery renders the same link.
            SatisfactionUrl = kind == NotificationKind.TicketSolved ? await surveys.UrlAsync(ticket.Number, @event.Version, @event.Event.At, cancellationToken) : null,
        };
        var rendered = NotificationRenderer.Render(template, model, cancellationToken);
        var id = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{ticket.Number}:{@event.Version}:{kind}:{recipient.Email}")))[..24];
        return new OutboundMessage($"<hd.{ticket.Number}.{@event.Version}.{id}@helpdesk>", ticket.Number, [new MessageRecipient(recipient.Email, recipient.Name)], rendered.Subject, rendered.Text)
        {
            HtmlBody = rendered.Html,
            Language = rendered.Language,
        };
    }

    /// <summary>
    /// Our message answers the customer's latest (In-Reply-To) and lists the thread (References, the first message and
    /// the most recent ones, as mail clients keep it short), so it lands in the customer's own conversation.
    /// </summary>
    private async Task<(string? InReplyTo, IReadOnlyList<string> References)> ThreadingAsync(long ticket, CancellationToken cancellationToken)
    {
        var messages = await thread.ThreadAsync(ticket, cancellationToken);
        var inReplyTo = messages.LastOrDefault(m => !m.Sent)?.MessageId;
        var ids = messages.Select(m => m.MessageId).ToList();
        IReadOnlyList<string> references = ids.Count <= 20 ? ids : [ids[0], .. ids.TakeLast(19)];
        return (inReplyTo, references);
    }

    private async Task<IReadOnlyList<Recipient>> RecipientsAsync(NotificationKind kind, TicketState ticket, CancellationToken cancellationToken)
    {
        if (NotificationRecipients.IsForRequester(kind))
        {
            if (ticket.Requester is not { } r || !NotificationRecipients.IsDeliverable(r.Email))
            {
                return [];
            }

            // An opted-out customer still gets the agents' replies: those are the conversation, not a notification.
            var optedOut = kind != NotificationKind.AgentReplied && await customers.GetAsync(r.Email, cancellationToken) is { Notify: false };
            return optedOut ? [] : [new Recipient(r.Email, r.Name ?? r.Email, r.Language, r.TimeZone)];
        }

        IReadOnlyList<string> ids = kind == NotificationKind.NewUnassigned
            ? ticket.Queue is { } queue && await agents.GetQueueAsync(queue, cancellationToken) is { } q ? q.Members : []
            : ticket.Assignee is { } assignee ? [assignee] : [];
        var found = (await agents.GetAgentsAsync(ids, cancellationToken)).ToDictionary(a => a.Agent.Id, a => a.Agent, StringComparer.Ordinal);
        return [.. ids
            .Select(id => found.GetValueOrDefault(id))
            .OfType<Agent>()
            .Where(agent => agent.Notify && NotificationRecipients.IsDeliverable(agent.Email))
            .Select(agent => new Recipient(agent.Email, agent.Name, agent.Languages is [var language, ..] ? language : null, agent.TimeZone))];
    }
}

using System.Text.Json;
using HelpDesk.Sdk;
using HelpDesk.Sdk.Capabilities;
using HelpDesk.Sdk.Tickets;

namespace HelpDesk.Samples.TeamChat;

/// <summary>
/// Posts to the chat when a ticket opens at or above the configured priority, or is raised to it from below.
/// Deliveries are at least once: a failed post throws, the hub delivers the event again, and a redelivered event the
/// plugin has already posted (same ticket and version) is skipped while it is remembered (see <see cref="PostedEvents"/>).
/// </summary>
public sealed class UrgentTicketNotifier(IHelpDeskApi helpDesk, ChatWebhookClient chat, PostedEvents posted, TeamChatOptions options) : ITicketEventHandler
{
    /// <inheritdoc/>
    public async Task HandleAsync(TicketEventContext context, CancellationToken cancellationToken)
    {
        var e = context.Event;
        if (posted.Contains(e.Ticket, e.Version) || await MessageForAsync(e, cancellationToken) is not { } message)
        {
            return;
        }

        await chat.PostAsync(message.ToText(options.TicketLink(e.Ticket)), cancellationToken);
        posted.Add(e.Ticket, e.Version);
    }

    private async Task<UrgentTicketMessage?> MessageForAsync(TicketEventEnvelope e, CancellationToken cancellationToken)
    {
        switch (e.Type)
        {
            case "ticket-opened" when PriorityOf(e.Data, "priority") is { } priority && priority >= options.MinimumPriority:
                var requester = e.Data.GetProperty("requester");
                return new UrgentTicketMessage(
                    e.Ticket, e.Data.GetProperty("subject").GetString()!, requester.GetProperty("email").GetString()!, OptionalString(requester, "name"), priority, Raised: false);
            case "priority-changed" when PriorityOf(e.Data, "from") < options.MinimumPriority && PriorityOf(e.Data, "to") is { } raised && raised >= options.MinimumPriority:
                // The event says what changed, not what the ticket is about: the rest comes from the hub.
                return await helpDesk.GetTicketAsync(e.Ticket, cancellationToken) is { } ticket
                    ? new UrgentTicketMessage(ticket.Number, ticket.Subject, ticket.Requester.Email, ticket.Requester.Name, raised, Raised: true)
                    : null;
            default:
                return null;
        }
    }

    private static TicketPriority? PriorityOf(JsonElement data, string member) =>
        data.TryGetProperty(member, out var value) && value.ValueKind == JsonValueKind.String
            && Enum.TryParse<TicketPriority>(value.GetString(), ignoreCase: true, out var priority) && Enum.IsDefined(priority)
            ? priority
            : null;

    private static string? OptionalString(JsonElement element, string member) =>
        element.TryGetProperty(member, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

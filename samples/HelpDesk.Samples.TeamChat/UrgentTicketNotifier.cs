using System.Globalization;
using System.Text.Json;
using HelpDesk.Sdk;
using HelpDesk.Sdk.Capabilities;
using HelpDesk.Sdk.Tickets;

namespace HelpDesk.Samples.TeamChat;

/// <summary>
/// Posts to the chat when a ticket opens at or above the configured priority, or is raised to it. Deliveries are at
/// least once: after a failed post the hub delivers the event again, so the team may, rarely, see a message twice.
/// </summary>
public sealed class UrgentTicketNotifier(IHelpDeskApi helpDesk, ChatWebhookClient chat, TeamChatOptions options) : ITicketEventHandler
{
    /// <inheritdoc/>
    public async Task HandleAsync(TicketEventContext context, CancellationToken cancellationToken)
    {
        var data = context.Event.Data;
        switch (context.Event.Type)
        {
            case "ticket-opened" when PriorityOf(data, "priority") >= options.MinimumPriority:
                var requester = data.GetProperty("requester");
                await chat.PostAsync(
                    Message(context.Event.Ticket, "opened", data.GetProperty("subject").GetString()!, requester.GetProperty("email").GetString()!, OptionalString(requester, "name")),
                    cancellationToken);
                break;
            case "priority-changed" when PriorityOf(data, "from") < options.MinimumPriority && PriorityOf(data, "to") >= options.MinimumPriority:
                // The event says what changed, not what the ticket is about: ask the hub for the rest.
                var ticket = await helpDesk.GetTicketAsync(context.Event.Ticket, cancellationToken);
                if (ticket is not null)
                {
                    await chat.PostAsync(Message(ticket.Number, "raised to " + Name(ticket.Priority), ticket.Subject, ticket.Requester.Email, ticket.Requester.Name), cancellationToken);
                }

                break;
        }
    }

    private string Message(long number, string what, string subject, string email, string? name)
    {
        var who = string.IsNullOrWhiteSpace(name) ? email : $"{name} <{email}>";
        var link = string.Format(CultureInfo.InvariantCulture, options.TicketLinkFormat, number);
        return $"Ticket #{number} {what}: {subject}\nRequester: {who}\n{link}";
    }

    private static TicketPriority? PriorityOf(JsonElement data, string member) =>
        data.TryGetProperty(member, out var value) && Enum.TryParse<TicketPriority>(value.GetString(), ignoreCase: true, out var priority) ? priority : null;

    private static string? OptionalString(JsonElement element, string member) =>
        element.TryGetProperty(member, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Name(TicketPriority priority) => priority.ToString().ToLowerInvariant();
}

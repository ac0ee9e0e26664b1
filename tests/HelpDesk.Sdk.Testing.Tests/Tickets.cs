using HelpDesk.Sdk.Tickets;

namespace HelpDesk.Sdk.Testing.Tests;

/// <summary>Builders for the tickets the tests open.</summary>
public static class Tickets
{
    public static NewTicket New(string subject = "Printer on fire", TicketPriority? priority = null, string? externalId = null, IReadOnlyList<string>? tags = null) =>
        new(subject, "It is really on fire.", new Customer("ada@example.com", "Ada"))
        {
            Priority = priority,
            ExternalId = externalId,
            Tags = tags ?? [],
        };
}

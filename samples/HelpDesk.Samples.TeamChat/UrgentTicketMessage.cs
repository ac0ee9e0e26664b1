using HelpDesk.Sdk.Tickets;

namespace HelpDesk.Samples.TeamChat;

/// <summary>What the channel is told about a ticket that needs attention.</summary>
/// <param name="Number">The ticket's number.</param>
/// <param name="Subject">The ticket's subject.</param>
/// <param name="RequesterEmail">Who asked.</param>
/// <param name="RequesterName">Their name, if known.</param>
/// <param name="Priority">The priority that made it worth a message.</param>
/// <param name="Raised">Whether its priority went up (rather than the ticket being opened at it).</param>
public sealed record UrgentTicketMessage(long Number, string Subject, string RequesterEmail, string? RequesterName, TicketPriority Priority, bool Raised)
{
    /// <summary>
    /// The message in Slack's markup: the customer's words are escaped (<c>&amp;</c>, <c>&lt;</c>, <c>&gt;</c>) so a
    /// subject cannot ping the channel or forge a link; the ticket's link is written <c>&lt;url|#42&gt;</c>.
    /// </summary>
    /// <param name="link">The ticket's address in the hub.</param>
    public string ToText(Uri link)
    {
        var requester = string.IsNullOrWhiteSpace(RequesterName) ? Escape(RequesterEmail) : $"{Escape(RequesterName)} ({Escape(RequesterEmail)})";
        var priority = Priority.ToString().ToLowerInvariant();
        var headline = Raised ? $"raised to {priority}" : $"opened, priority {priority}";
        return $"<{link}|Ticket #{Number}> {headline}: {Escape(Subject)}\nRequester: {requester}";
    }

    private static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}

using HelpDesk.Sdk.Tickets;
using Microsoft.Extensions.Configuration;

namespace HelpDesk.Samples.TeamChat;

/// <summary>The plugin's section, <c>HelpDesk:Plugins:team-chat</c>.</summary>
public sealed record TeamChatOptions(Uri? WebhookUrl, string TicketLinkFormat, string? SigningSecret, TicketPriority MinimumPriority)
{
    /// <summary>How a ticket's link is written when nothing is configured: the hub's REST address of the ticket.</summary>
    public const string DefaultTicketLinkFormat = "http://localhost:5080/api/v1/tickets/{0}";

    /// <summary>Reads the section; a value that cannot be used fails the plugin's load with the key at fault.</summary>
    /// <param name="section">The plugin's configuration section.</param>
    public static TeamChatOptions From(IConfiguration section)
    {
        Uri? webhook = null;
        if (section["WebhookUrl"] is { Length: > 0 } url && !Uri.TryCreate(url, UriKind.Absolute, out webhook))
        {
            throw new InvalidOperationException($"team-chat: WebhookUrl '{url}' is not an absolute URL.");
        }

        var minimum = TicketPriority.Urgent;
        if (section["MinimumPriority"] is { Length: > 0 } priority && !Enum.TryParse(priority, ignoreCase: true, out minimum))
        {
            throw new InvalidOperationException($"team-chat: MinimumPriority '{priority}' is not one of low, normal, high, urgent.");
        }

        return new TeamChatOptions(webhook, section["TicketLinkFormat"] ?? DefaultTicketLinkFormat, section["SigningSecret"], minimum);
    }
}

using HelpDesk.Sdk.Tickets;
using Microsoft.Extensions.Configuration;

namespace HelpDesk.Samples.TeamChat;

/// <summary>The plugin's section, <c>HelpDesk:Plugins:team-chat</c>.</summary>
/// <param name="WebhookUrl">The channel's incoming webhook; without it urgent tickets fail to post and wait as dead letters.</param>
/// <param name="HubBaseUrl">Where people reach the hub; ticket links in messages start with it.</param>
/// <param name="SigningSecret">Shared with whatever posts replies; without it every reply is refused.</param>
/// <param name="MinimumPriority">The lowest priority worth a message.</param>
public sealed record TeamChatOptions(Uri? WebhookUrl, Uri HubBaseUrl, string? SigningSecret, TicketPriority MinimumPriority)
{
    /// <summary>The hub's address when <c>HubBaseUrl</c> is not set: the one <c>dotnet run</c> listens on.</summary>
    public static readonly Uri DefaultHubBaseUrl = new("http://localhost:5080/");

    /// <summary>Reads the section; a value that cannot be used fails the plugin's load with the key at fault.</summary>
    /// <param name="section">The plugin's configuration section.</param>
    /// <exception cref="InvalidOperationException">A setting is present but unusable; the hub shows the plugin faulted with this message.</exception>
    public static TeamChatOptions From(IConfiguration section)
    {
        var webhook = AbsoluteUrl(section, "WebhookUrl");
        var hub = AbsoluteUrl(section, "HubBaseUrl") ?? DefaultHubBaseUrl;
        var minimum = TicketPriority.Urgent;
        if (section["MinimumPriority"] is { Length: > 0 } priority)
        {
            // Names only: Enum.TryParse would also take "3" or "low,high".
            var name = Enum.GetNames<TicketPriority>().FirstOrDefault(n => n.Equals(priority.Trim(), StringComparison.OrdinalIgnoreCase))
                ?? throw new InvalidOperationException($"team-chat: MinimumPriority '{priority}' is not one of low, normal, high, urgent.");
            minimum = Enum.Parse<TicketPriority>(name);
        }

        return new TeamChatOptions(webhook, hub, section["SigningSecret"] is { Length: > 0 } secret ? secret : null, minimum);
    }

    /// <summary>The ticket's address in the hub (its REST resource, until the hub has an agent UI to link to).</summary>
    /// <param name="number">The ticket's number.</param>
    public Uri TicketLink(long number) => new(HubBaseUrl, $"api/v1/tickets/{number}");

    private static Uri? AbsoluteUrl(IConfiguration section, string key)
    {
        if (section[key] is not { Length: > 0 } value)
        {
            return null;
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            throw new InvalidOperationException($"team-chat: {key} '{value}' is not an absolute http(s) URL.");
        }

        // A base without a trailing slash would lose its last segment when a path is appended to it.
        return url.AbsolutePath.EndsWith('/') ? url : new Uri(url + "/");
    }
}

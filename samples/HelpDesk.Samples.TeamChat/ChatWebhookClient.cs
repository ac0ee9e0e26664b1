using System.Net.Http.Json;

namespace HelpDesk.Samples.TeamChat;

/// <summary>Posts messages to the channel's incoming webhook, in the <c>{"text": …}</c> form Slack, Mattermost and Rocket.Chat accept.</summary>
public sealed class ChatWebhookClient(TeamChatOptions options) : IDisposable
{
    // One client for the plugin's life, recycling connections so a changed DNS entry is picked up.
    private readonly HttpClient _http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
    {
        Timeout = TimeSpan.FromSeconds(5),
    };

    /// <summary>Sends one message; throws when the chat refuses it, so the hub delivers the event again later.</summary>
    /// <param name="text">The message.</param>
    /// <param name="cancellationToken">Cancels the post.</param>
    public async Task PostAsync(string text, CancellationToken cancellationToken)
    {
        var webhook = options.WebhookUrl ?? throw new InvalidOperationException("team-chat: WebhookUrl is not configured.");
        using var response = await _http.PostAsJsonAsync(webhook, new { text }, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"The chat webhook answered {(int)response.StatusCode}.", null, response.StatusCode);
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _http.Dispose();
}

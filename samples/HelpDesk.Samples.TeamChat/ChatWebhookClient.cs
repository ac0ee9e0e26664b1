using System.Text;
using System.Text.Json;

namespace HelpDesk.Samples.TeamChat;

/// <summary>
/// Posts messages to the channel's incoming webhook in the <c>{"text": …}</c> form Slack, Mattermost and Rocket.Chat
/// accept. A typed client: <c>IHttpClientFactory</c> gives it an <see cref="HttpClient"/> whose handlers it pools and rotates.
/// </summary>
public sealed class ChatWebhookClient(HttpClient http, TeamChatOptions options)
{
    /// <summary>Sends one message; throws when the chat cannot be reached or refuses it, so the hub delivers the event again later.</summary>
    /// <param name="text">The message, in the chat's markup.</param>
    /// <param name="cancellationToken">Cancels the post.</param>
    /// <exception cref="InvalidOperationException">No <c>WebhookUrl</c> is configured.</exception>
    /// <exception cref="HttpRequestException">The chat answered with an error, or could not be reached.</exception>
    public async Task PostAsync(string text, CancellationToken cancellationToken)
    {
        var webhook = options.WebhookUrl ?? throw new InvalidOperationException("team-chat: WebhookUrl is not configured, so urgent tickets cannot be posted.");
        // Buffered, so the post carries a Content-Length: not every webhook endpoint accepts a chunked body.
        using var content = new StringContent(JsonSerializer.Serialize(new ChatMessage(text), JsonSerializerOptions.Web), Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(webhook, content, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"The chat webhook answered {(int)response.StatusCode}.", null, response.StatusCode);
        }
    }

    private sealed record ChatMessage(string Text);
}

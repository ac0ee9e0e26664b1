using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using HelpDesk.Connectors.Zoom.Hosting;

namespace HelpDesk.Connectors.Zoom.Api;

/// <summary>
/// Zoom's Server-to-Server OAuth token endpoint: client credentials as Basic, <c>grant_type=account_credentials</c> and
/// the account id. There is no refresh token; <see cref="ZoomAccessTokens"/> asks again when a token runs out.
/// </summary>
internal sealed class ZoomOAuthClient(HttpClient http, ZoomOptions options)
{
    public async Task<(string Token, TimeSpan Lifetime)> RequestTokenAsync(CancellationToken cancellationToken)
    {
        var query = $"grant_type=account_credentials&account_id={Uri.EscapeDataString(options.AccountId)}";
        using var request = new HttpRequestMessage(HttpMethod.Post, new UriBuilder(options.TokenUrl) { Query = query }.Uri)
        {
            Content = new FormUrlEncodedContent([]),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.ClientId}:{options.ClientSecret}")));

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutException or Polly.Timeout.TimeoutRejectedException
            || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new ZoomApiException(null, $"Zoom's token endpoint ({options.TokenUrl.Host}) did not answer: {e.Message}", e);
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw Refusal(response.StatusCode, text);
            }

            var answer = Parse(text);
            return (string?)answer?["access_token"] is { Length: > 0 } token && answer["expires_in"] is JsonValue expiry && expiry.TryGetValue<int>(out var seconds)
                ? (token, TimeSpan.FromSeconds(seconds))
                : throw new ZoomApiException(response.StatusCode, "Zoom's token endpoint answered without access_token or expires_in.");
        }
    }

    private ZoomApiException Refusal(HttpStatusCode status, string text)
    {
        var code = (int)status;
        if (code is >= 400 and < 500)
        {
            var error = Parse(text);
            var said = string.Join(": ", new[] { Text(error?["error"]), Text(error?["reason"]) }.OfType<string>());
            return new ZoomApiException(status, Scrubbed(
                $"Zoom refused the Server-to-Server OAuth credentials ({code}{(said.Length > 0 ? " " + said : "")}): check HelpDesk:Plugins:zoom:AccountId, "
                + "ClientId and ClientSecret, and that the app is activated. Not retried: this is a configuration error."));
        }

        return new ZoomApiException(status, $"Zoom's token endpoint answered {code}.");
    }

    // Zoom's reasons never echo credentials today; this keeps it so if one ever does.
    private string Scrubbed(string message) => message.Replace(options.ClientSecret, "***", StringComparison.Ordinal);

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;

    private static JsonNode? Parse(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

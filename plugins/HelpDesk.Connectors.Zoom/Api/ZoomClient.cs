using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using HelpDesk.Connectors.Zoom.Hosting;
using Microsoft.Extensions.Logging;
using Polly.CircuitBreaker;

namespace HelpDesk.Connectors.Zoom.Api;

/// <summary>
/// The Zoom meetings API the plugin uses, with a bearer token from <see cref="ZoomAccessTokens"/>. A 401 means Zoom no
/// longer takes the token (code 124, revoked or expired early) and the request was not carried out: the token is
/// renewed once and the request sent once more. Retries otherwise are the HTTP pipeline's (<see cref="ZoomRetries"/>).
/// Every failure surfaces as a <see cref="ZoomApiException"/>.
/// </summary>
internal sealed class ZoomClient(HttpClient http, ZoomAccessTokens tokens, ZoomOptions options, TimeProvider clock, ILogger<ZoomClient> logger)
{
    /// <summary>Creates a meeting for <see cref="ZoomOptions.UserId"/>; returns Zoom's meeting object.</summary>
    public async Task<JsonObject> CreateMeetingAsync(JsonObject meeting, CancellationToken cancellationToken)
    {
        var path = $"users/{Uri.EscapeDataString(options.UserId)}/meetings";
        var answer = await SendAsync(() => new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(meeting) }, cancellationToken);
        return answer as JsonObject ?? throw new ZoomApiException(HttpStatusCode.Created, $"Zoom answered POST {path} without a meeting object.");
    }

    private async Task<JsonNode?> SendAsync(Func<HttpRequestMessage> build, CancellationToken cancellationToken)
    {
        var token = await tokens.GetAsync(cancellationToken);
        using (var request = build())
        {
            using var response = await SendOnceAsync(request, token, cancellationToken);
            if (response.StatusCode != HttpStatusCode.Unauthorized)
            {
                return await ReadAsync(request, response, cancellationToken);
            }

            logger.LogInformation("Zoom refused the access token ({What}); renewing it and sending once more.", What(request));
        }

        token = await tokens.RenewAsync(token, cancellationToken);
        using var again = build();
        using var retried = await SendOnceAsync(again, token, cancellationToken);
        return await ReadAsync(again, retried, cancellationToken);
    }

    private async Task<HttpResponseMessage> SendOnceAsync(HttpRequestMessage request, string token, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        try
        {
            return await http.SendAsync(request, cancellationToken);
        }
        catch (BrokenCircuitException e)
        {
            throw new ZoomApiException(null, $"Zoom failed repeatedly; calls to it are paused for a few seconds ({What(request)} not sent).", e);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutException or Polly.Timeout.TimeoutRejectedException
            || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new ZoomApiException(null, $"Zoom did not answer {What(request)}: {e.Message}", e);
        }
    }

    private async Task<JsonNode?> ReadAsync(HttpRequestMessage request, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            return text.Length == 0 ? null : Parse(text);
        }

        var error = Parse(text);
        var code = error?["code"] is JsonValue value && value.TryGetValue<int>(out var number) ? number : (int?)null;
        var message = error?["message"] is JsonValue said && said.TryGetValue<string>(out var words) ? words : null;
        logger.LogWarning("Zoom answered {Status} (code {Code}) to {What}.", (int)response.StatusCode, code, What(request));
        throw new ZoomApiException(response.StatusCode, ZoomRefusal.Describe(response, What(request), code, message, text, options, clock));
    }

    // Method and path only: the query and headers may carry what must not be logged.
    private static string What(HttpRequestMessage request) =>
        $"{request.Method} {(request.RequestUri is { IsAbsoluteUri: true } url ? url.AbsolutePath : request.RequestUri?.OriginalString.Split('?')[0])}";

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

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using HelpDesk.Connectors.Crm.Customers;
using HelpDesk.Connectors.Crm.Hosting;
using Microsoft.Extensions.Logging;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace HelpDesk.Connectors.Crm.HubSpot;

/// <summary>
/// Sends requests to HubSpot through the resilient pipeline (<see cref="HubSpotRetries"/>) and turns every failure into
/// a <see cref="CrmUnavailableException"/> an admin can act on, logging HubSpot's <c>correlationId</c>. The token is in
/// the client's default headers only; messages are scrubbed of it all the same.
/// </summary>
internal sealed class HubSpotApi(IHttpClientFactory clients, HubSpotOptions options, DailyLimitGate dailyLimit, ILogger<HubSpotApi> logger)
{
    public const string ClientName = "hubspot";
    private const string DailyLimitReached = "HubSpot daily API limit reached; customer context is unavailable until it resets";

    public async Task<JsonObject> SearchAsync(string path, JsonObject body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        HubSpotRetries.MarkSearch(request);
        return await SendAsync(request, cancellationToken) ?? throw Unavailable($"HubSpot answered POST /{path} with nothing.", null);
    }

    public async Task<JsonObject> GetAsync(string path, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        return await SendAsync(request, cancellationToken) ?? throw Unavailable($"HubSpot answered GET /{path.Split('?')[0]} with nothing.", null);
    }

    /// <summary>The record at <paramref name="path"/>, or null when HubSpot has no record with that id (404).</summary>
    public async Task<JsonObject?> FindAsync(string path, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        return await SendAsync(request, cancellationToken, missingIsNull: true);
    }

    private async Task<JsonObject?> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken, bool missingIsNull = false)
    {
        var what = $"{request.Method} /{request.RequestUri?.OriginalString.Split('?')[0]}";
        if (dailyLimit.ClosedUntil is { } until)
        {
            throw Unavailable($"{DailyLimitReached} ({what} was not sent; HubSpot is tried again from {until:yyyy-MM-dd HH:mm} UTC).", null);
        }

        HttpResponseMessage response;
        try
        {
            response = await clients.CreateClient(ClientName).SendAsync(request, cancellationToken);
        }
        catch (BrokenCircuitException e)
        {
            var pause = Math.Ceiling((e.RetryAfter ?? HubSpotRetries.BreakDuration).TotalSeconds);
            throw Unavailable($"HubSpot failed repeatedly; calls to it are paused for {pause} s ({what} was not sent).", e);
        }
        catch (TimeoutRejectedException e)
        {
            throw Unavailable($"HubSpot did not answer {what} within {Seconds(options.RequestTimeout)} (RequestTimeout).", e);
        }
        catch (Exception e) when (e is HttpRequestException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw Unavailable($"HubSpot could not be reached for {what}: {e.Message}", e);
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return Parse(text) ?? throw Unavailable($"HubSpot answered {what} with something other than a JSON object.", null);
            }

            if (response.StatusCode == HttpStatusCode.NotFound && missingIsNull)
            {
                return null;
            }

            throw Refusal(response.StatusCode, what, HubSpotError.Parse(text));
        }
    }

    private CrmUnavailableException Refusal(HttpStatusCode status, string what, HubSpotError error)
    {
        var code = (int)status;
        var hubSpotSays = error.Details.Count > 0 ? string.Join("; ", error.Details) : error.Message;
        var reason = code switch
        {
            401 => "HubSpot refused the access token: check HelpDesk:Plugins:crm:AccessToken (a private app's access token)",
            403 => $"The HubSpot private app lacks a scope; it needs crm.objects.contacts.read and crm.objects.companies.read ({hubSpotSays})",
            429 when error.IsDailyLimit => DailyLimitReached,
            429 => $"HubSpot rate limit reached (policy {error.PolicyName ?? "unknown"}); retries within MaxRetryWait did not get through",
            400 => $"HubSpot refused the request ({hubSpotSays}); check the configured property names",
            404 => "HubSpot has no such endpoint: check ObjectsPath and AssociationsPath",
            >= 500 => $"HubSpot failed ({code}) on {HubSpotRetries.MaxAttempts} attempts",
            _ => $"HubSpot refused the request ({hubSpotSays})",
        };

        if (code == 429 && error.IsDailyLimit)
        {
            dailyLimit.Close();
        }

        logger.LogWarning(
            "HubSpot answered {Status} {Category} to {Request}; correlation id {CorrelationId}: {HubSpotMessage}",
            code, error.Category, what, error.CorrelationId, Scrub(hubSpotSays));
        var context = string.Join(", ", new[] { $"HubSpot answered {code} to {what}", error.Category, error.CorrelationId is { } id ? $"correlation id {id}" : null }.OfType<string>());
        return new CrmUnavailableException(Scrub($"{reason} ({context}).")!) { Status = code, CorrelationId = error.CorrelationId };
    }

    private CrmUnavailableException Unavailable(string message, Exception? inner) => new(Scrub(message)!, inner);

    private string? Scrub(string? text) => text?.Replace(options.AccessToken, "[access token]", StringComparison.Ordinal);

    private static string Seconds(TimeSpan span) => $"{span.TotalSeconds:0.#} s";

    private static JsonObject? Parse(string text)
    {
        try
        {
            return JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using HelpDesk.Connectors.Erp.Hosting;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace HelpDesk.Connectors.Erp.Api;

/// <summary>
/// The HTTP side both protocols share: posts JSON through the resilient client (<see cref="OdooRetries"/>), turns
/// transport failures and proxies' refusals into <see cref="OdooException"/>s, and keeps Odoo's own words safe to show.
/// </summary>
internal sealed class OdooTransport(IHttpClientFactory clients, ErpOptions options)
{
    public const string ClientName = "odoo";
    private const int MaxQuoted = 300;

    public async Task<OdooAnswer> PostAsync(string path, JsonNode body, string what, Action<HttpRequestHeaders>? headers, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        headers?.Invoke(request.Headers);
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            return new OdooAnswer(response.StatusCode, text, OdooRetries.RetryAfter(response));
        }
        catch (BrokenCircuitException e)
        {
            throw new OdooException(OdooFailure.Unavailable, $"Odoo failed repeatedly, so HelpDesk pauses its calls for {OdooRetries.BreakDuration.TotalSeconds:0} s; {what} was not sent.", e);
        }
        catch (TimeoutRejectedException e)
        {
            throw new OdooException(OdooFailure.Unavailable, $"Odoo did not answer {what} within RequestTimeout ({options.RequestTimeout.TotalSeconds:0.#} s), even after retries.", e);
        }
        catch (HttpRequestException e)
        {
            throw new OdooException(OdooFailure.Unavailable, $"Odoo could not be reached at {options.BaseUrl} for {what}: {Safe(e.Message)}", e);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new OdooException(OdooFailure.Unavailable, $"Odoo did not answer {what} in time.", e);
        }
    }

    /// <summary>A failure status neither protocol gives a meaning of its own: wrong address, rate limit, or fault.</summary>
    public OdooException Refusal(OdooAnswer answer, string path, string what)
    {
        var status = $"{(int)answer.Status} {answer.Status}";
        if (answer.Status == HttpStatusCode.NotFound)
        {
            return new OdooException(OdooFailure.Configuration, $"Odoo answered {status} to /{path}: check BaseUrl ({options.BaseUrl}).");
        }

        var wait = answer.RetryAfter is { } retryAfter && retryAfter > options.MaxRetryWait
            ? string.Create(CultureInfo.InvariantCulture, $"; it asks to wait {retryAfter.TotalSeconds:0} s, longer than MaxRetryWait, so the hub asks again later")
            : "";
        var said = answer.Json() is JsonObject json && Text(json["message"] ?? json["error"]?["data"]?["message"]) is { } message ? $": {Safe(message)}" : "";
        return new OdooException(OdooFailure.Unavailable, $"Odoo (or a proxy in front of it) answered {status} to {what}{said}{wait}.");
    }

    /// <summary>Odoo's text, quotable in an exception: one line, shortened, and never containing the API key.</summary>
    public string Safe(string text)
    {
        var line = string.Join(' ', text.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        line = line.Replace(options.ApiKey, "[api key]", StringComparison.Ordinal);
        return line.Length <= MaxQuoted ? line : line[..MaxQuoted] + "…";
    }

    public static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == System.Text.Json.JsonValueKind.String ? value.GetValue<string>() : null;
}

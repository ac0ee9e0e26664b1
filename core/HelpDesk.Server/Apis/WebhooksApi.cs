using System.Threading.RateLimiting;
using HelpDesk.Core.Plugins.Hosting;
using HelpDesk.Sdk.Capabilities;
using HelpDesk.Server.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace HelpDesk.Server.Apis;

/// <summary>
/// <c>/hooks/{pluginId}/{**path}</c>: hands the raw call to the plugin's receiver, which verifies the sender's signature.
/// Unknown plugin 404, plugin not running 503, body too large 413, too many calls 429; a plugin's failure is never a 500.
/// </summary>
public static class WebhooksApi
{
    public const string RateLimitPolicy = "webhooks";

    public static IServiceCollection AddWebhookRateLimits(this IServiceCollection services) =>
        services.AddRateLimiter(limits =>
        {
            limits.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limits.OnRejected = (rejected, _) =>
            {
                if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    rejected.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                return ValueTask.CompletedTask;
            };
            limits.AddPolicy(RateLimitPolicy, http =>
            {
                var pluginId = http.Request.RouteValues["pluginId"]?.ToString() ?? "";
                return RateLimitPartition.GetFixedWindowLimiter(pluginId, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = http.RequestServices.GetRequiredService<IOptions<PluginHostOptions>>().Value.WebhooksPerMinuteFor(pluginId),
                    Window = TimeSpan.FromMinutes(1),
                });
            });
        });

    public static IEndpointRouteBuilder MapWebhooks(this IEndpointRouteBuilder routes)
    {
        routes.Map("/hooks/{pluginId}/{**path}", ReceiveAsync).RequireRateLimiting(RateLimitPolicy).WithTags("Webhooks").WithName("ReceiveWebhook");
        return routes;
    }

    private static async Task<IResult> ReceiveAsync(
        string pluginId, string? path, HttpContext http, PluginHost host, IOptions<PluginHostOptions> options, TimeProvider time, ILogger<PluginHost> logger)
    {
        if (host.Find(pluginId) is not { } slot)
        {
            return ApiProblems.Field(StatusCodes.Status404NotFound, "pluginId", $"There is no plugin '{pluginId}'.");
        }

        if (!slot.Status.Capabilities.Contains("webhook-receiver"))
        {
            return ApiProblems.Field(StatusCodes.Status404NotFound, "pluginId", $"Plugin '{pluginId}' does not receive webhooks.");
        }

        // Webhooks have their own limit (PluginHost:MaxWebhookBodyBytes), larger or smaller than the API's server-wide one.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = options.Value.MaxWebhookBodyBytes;
        }

        var body = await ReadBodyAsync(http, options.Value.MaxWebhookBodyBytes);
        if (body is null)
        {
            return ApiProblems.Field(StatusCodes.Status413PayloadTooLarge, "body", $"Webhook bodies are at most {options.Value.MaxWebhookBodyBytes} bytes.");
        }

        using var lease = slot.TryEnter();
        if (lease?.Services.GetService<IWebhookReceiver>() is not { } receiver)
        {
            http.Response.Headers.RetryAfter = "5";
            return ApiProblems.Field(StatusCodes.Status503ServiceUnavailable, "pluginId", $"Plugin '{pluginId}' is {slot.Status.State.ToString().ToLowerInvariant()}; try again later.");
        }

        var request = new WebhookRequest(
            http.Request.Method,
            "/" + (path ?? ""),
            http.Request.Query.ToDictionary(q => q.Key, q => (IReadOnlyList<string>)[.. q.Value.Select(v => v ?? "")]),
            http.Request.Headers.ToDictionary(h => h.Key, h => (IReadOnlyList<string>)[.. h.Value.Select(v => v ?? "")], StringComparer.OrdinalIgnoreCase),
            body,
            time.GetUtcNow());
        try
        {
            var response = await lease.CallAsync(token => receiver.ReceiveAsync(request, token), http.RequestAborted);
            return Answer(http, response);
        }
        catch (BrokenCircuitException)
        {
            http.Response.Headers.RetryAfter = "30";
            return ApiProblems.Field(StatusCodes.Status503ServiceUnavailable, "pluginId", $"Plugin '{pluginId}' is failing; calls are paused for a while.");
        }
        catch (TimeoutRejectedException)
        {
            return ApiProblems.Field(StatusCodes.Status504GatewayTimeout, "pluginId", $"Plugin '{pluginId}' did not answer in time.");
        }
        catch (Exception error) when (error is not OperationCanceledException || !http.RequestAborted.IsCancellationRequested)
        {
            logger.LogError(error, "Plugin {Plugin} failed on a webhook call", pluginId);
            return ApiProblems.Field(StatusCodes.Status502BadGateway, "pluginId", $"Plugin '{pluginId}' failed on this call; it has been logged.");
        }
    }

    private static readonly HashSet<string> HubOwnedHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Content-Length", "Content-Type", "Transfer-Encoding", "Connection", "Keep-Alive", "Upgrade", "Trailer",
    };

    private static IResult Answer(HttpContext http, WebhookResponse response)
    {
        foreach (var (name, value) in response.Headers.Where(h => !HubOwnedHeaders.Contains(h.Key)))
        {
            http.Response.Headers[name] = value;
        }

        if (response.Body is { } body)
        {
            return Results.Text(body, response.ContentType ?? "application/json", System.Text.Encoding.UTF8, response.StatusCode);
        }

        return response.StatusCode >= 400
            ? ApiProblems.Field(response.StatusCode, "body", response.Detail ?? "The plugin refused this call.")
            : response.Detail is null ? Results.StatusCode(response.StatusCode) : Results.Json(new { response.Detail }, ApiJson.Options, statusCode: response.StatusCode);
    }

    /// <summary>The body, or null when it is larger than <paramref name="limit"/> (checked while reading, not trusted from headers).</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpContext http, long limit)
    {
        if (http.Request.ContentLength > limit)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await http.Request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk.AsSpan(0, read));
        }

        return buffer.ToArray();
    }
}

using System.Globalization;
using System.Net;
using HelpDesk.Connectors.Jira.Hosting;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace HelpDesk.Connectors.Jira.Api;

/// <summary>
/// When a request to Jira is tried again, and after how long. A rate-limited request (429, or 503 with
/// <c>Retry-After</c>) was not carried out, so any request may be repeated after Jira's wait. Other failures (500,
/// timeouts, refused connections) leave it unknown whether Jira acted: only requests marked repeatable (reads, the
/// label search, the remote-link upsert) are retried then, never a create, which would make a second issue. A wait
/// longer than <see cref="JiraOptions.MaxRetryWait"/> fails the call instead; the hub retries the escalation later.
/// </summary>
internal static class JiraRetries
{
    private static readonly HttpRequestOptionsKey<bool> Repeatable = new("helpdesk.jira.repeatable");

    public static void MarkRepeatable(HttpRequestMessage request) => request.Options.Set(Repeatable, true);

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, JiraOptions options, TimeProvider clock)
    {
        pipeline.AddRetry(new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = 3,
            BackoffType = DelayBackoffType.Exponential,
            Delay = TimeSpan.FromMilliseconds(500),
            UseJitter = true,
            // Retry-After is read by DelayGenerator below, together with Jira's X-RateLimit-Reset.
            ShouldRetryAfterHeader = false,
            ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context.GetRequestMessage(), options.MaxRetryWait, clock)),
            DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result is { } response ? JiraWait(response, clock) : null),
        });
        pipeline.AddTimeout(options.RequestTimeout);
    }

    public static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, HttpRequestMessage? request, TimeSpan maxWait, TimeProvider clock)
    {
        var repeatable = request is not null && request.Options.TryGetValue(Repeatable, out var marked) && marked;
        if (outcome.Result is not { } response)
        {
            return repeatable && outcome.Exception is HttpRequestException or Polly.Timeout.TimeoutRejectedException;
        }

        var wait = JiraWait(response, clock);
        if (wait > maxWait)
        {
            return false;
        }

        return response.StatusCode switch
        {
            HttpStatusCode.TooManyRequests => true,
            HttpStatusCode.ServiceUnavailable => wait is not null || repeatable,
            HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout or HttpStatusCode.RequestTimeout => repeatable,
            _ => false,
        };
    }

    /// <summary>
    /// Jira's wait: <c>Retry-After</c> (seconds or a date), else on a 429 <c>X-RateLimit-Reset</c> (an ISO 8601 time);
    /// null when it names none, for exponential backoff.
    /// </summary>
    public static TimeSpan? JiraWait(HttpResponseMessage response, TimeProvider clock)
    {
        if (response.StatusCode is not (HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable))
        {
            return null;
        }

        var now = clock.GetUtcNow();
        if (response.Headers.RetryAfter is { } retryAfter)
        {
            return retryAfter.Delta ?? (retryAfter.Date is { } date ? Max(date - now) : null);
        }

        return response.StatusCode == HttpStatusCode.TooManyRequests
            && response.Headers.TryGetValues("X-RateLimit-Reset", out var resets)
            && DateTimeOffset.TryParse(resets.First(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var reset)
                ? Max(reset - now)
                : null;
    }

    private static TimeSpan Max(TimeSpan wait) => wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
}

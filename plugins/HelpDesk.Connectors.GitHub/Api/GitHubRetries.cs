using System.Globalization;
using System.Net;
using HelpDesk.Connectors.GitHub.Hosting;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace HelpDesk.Connectors.GitHub.Api;

/// <summary>
/// GitHub's rate limits in the contract's order: <c>retry-after</c> → wait it; else <c>x-ratelimit-remaining: 0</c> →
/// wait until <c>x-ratelimit-reset</c>; else a 403 is a permission error (never retried) and a bare 429 means at least
/// a minute. A rate-limited request was refused, so any request is repeated after the wait, if the wait fits in
/// <see cref="GitHubOptions.MaxRetryWait"/>; a longer one fails the call and the hub retries later. Other failures
/// (5xx, timeouts) repeat only reads: a create that may have happened is never posted twice.
/// </summary>
internal static class GitHubRetries
{
    private static readonly TimeSpan BareTooManyRequestsWait = TimeSpan.FromMinutes(1);

    public static ResiliencePipeline<HttpResponseMessage> Pipeline(GitHubOptions options, TimeProvider clock) =>
        new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = clock }
            .AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = 3,
                BackoffType = DelayBackoffType.Exponential,
                Delay = TimeSpan.FromMilliseconds(500),
                UseJitter = true,
                ShouldRetryAfterHeader = false,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context.GetRequestMessage(), options.MaxRetryWait, clock)),
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result is { } response ? RateLimitWait(response, clock) : null),
            })
            .AddTimeout(options.RequestTimeout)
            .Build();

    public static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, HttpRequestMessage? request, TimeSpan maxWait, TimeProvider clock)
    {
        var repeatable = request?.Method == HttpMethod.Get;
        if (outcome.Result is not { } response)
        {
            return repeatable && outcome.Exception is HttpRequestException or Polly.Timeout.TimeoutRejectedException;
        }

        if (response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.TooManyRequests)
        {
            return RateLimitWait(response, clock) is { } wait && wait <= maxWait;
        }

        return repeatable && (int)response.StatusCode is 500 or 502 or 503 or 504;
    }

    /// <summary>How long GitHub asks to wait, or null when the answer is no rate limit (a 403 without its signs).</summary>
    public static TimeSpan? RateLimitWait(HttpResponseMessage response, TimeProvider clock)
    {
        if (response.StatusCode is not (HttpStatusCode.Forbidden or HttpStatusCode.TooManyRequests))
        {
            return null;
        }

        if (response.Headers.RetryAfter is { } retryAfter)
        {
            return retryAfter.Delta ?? (retryAfter.Date is { } date ? NotNegative(date - clock.GetUtcNow()) : null);
        }

        if (Header(response, "x-ratelimit-remaining") == "0"
            && long.TryParse(Header(response, "x-ratelimit-reset"), NumberStyles.None, CultureInfo.InvariantCulture, out var reset))
        {
            return NotNegative(DateTimeOffset.FromUnixTimeSeconds(reset) - clock.GetUtcNow());
        }

        return response.StatusCode == HttpStatusCode.TooManyRequests ? BareTooManyRequestsWait : null;
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static TimeSpan NotNegative(TimeSpan wait) => wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
}

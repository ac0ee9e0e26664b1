using System.Globalization;
using System.Net;
using HelpDesk.Connectors.Crm.Hosting;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Timeout;

namespace HelpDesk.Connectors.Crm.HubSpot;

/// <summary>
/// The HTTP pipeline around every HubSpot request. All of them are reads (the search is a POST but changes nothing),
/// so each may be repeated. A 429 is waited out (<c>Retry-After</c> when HubSpot sends one, else the rate-limit
/// window, else 1 s; search has its own per-second limit), with jitter, if the wait fits in
/// <see cref="HubSpotOptions.MaxRetryWait"/>; a daily-limit 429 is not retried, it lasts until tomorrow. 5xx and
/// refused connections are retried with backoff; a timeout is not (a hung HubSpot would hang again, past the hub's own
/// call timeout). A circuit breaker stops calls for a while after most of them failed, so a dead HubSpot is not hammered.
/// </summary>
internal static class HubSpotRetries
{
    public const int MaxAttempts = 3;
    public static readonly TimeSpan BreakDuration = TimeSpan.FromSeconds(15);

    private const string IntervalHeader = "X-HubSpot-RateLimit-Interval-Milliseconds";
    private const string DailyRemainingHeader = "X-HubSpot-RateLimit-Daily-Remaining";
    private static readonly TimeSpan SearchWindow = TimeSpan.FromSeconds(1);
    private static readonly HttpRequestOptionsKey<bool> Search = new("helpdesk.hubspot.search");

    public static void MarkSearch(HttpRequestMessage request) => request.Options.Set(Search, true);

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, HubSpotOptions options, TimeProvider clock, ILogger logger)
    {
        pipeline.TimeProvider = clock;
        pipeline
            .AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                Delay = TimeSpan.FromMilliseconds(250),
                UseJitter = true,
                // Retry-After is read by DelayGenerator below, together with HubSpot's own rate-limit headers.
                ShouldRetryAfterHeader = false,
                ShouldHandle = args => ShouldRetryAsync(args.Outcome, args.Context.GetRequestMessage(), options.MaxRetryWait, clock, args.Context.CancellationToken),
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result is { } response ? Jittered(Wait(response, IsSearch(args.Context.GetRequestMessage()), clock)) : null),
            })
            .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
            {
                // Two lookups' worth of attempts, nearly all failed: a dead HubSpot, not a passing 5xx among good answers.
                FailureRatio = 0.8,
                MinimumThroughput = 2 * MaxAttempts,
                SamplingDuration = TimeSpan.FromSeconds(30),
                BreakDuration = BreakDuration,
                ShouldHandle = args => ValueTask.FromResult(IsOutage(args.Outcome)),
                OnOpened = args =>
                {
                    logger.LogWarning("HubSpot failed repeatedly; calls to it are paused for {BreakDuration}.", args.BreakDuration);
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(options.RequestTimeout);
    }

    public static async ValueTask<bool> ShouldRetryAsync(Outcome<HttpResponseMessage> outcome, HttpRequestMessage? request, TimeSpan maxWait, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (outcome.Result is not { } response)
        {
            return outcome.Exception is HttpRequestException;
        }

        var status = (int)response.StatusCode;
        if (status == (int)HttpStatusCode.TooManyRequests && await IsDailyLimitAsync(response, cancellationToken))
        {
            return false;
        }

        return status is 429 or 500 or 502 or 503 or 504 && !(Wait(response, IsSearch(request), clock) > maxWait);
    }

    /// <summary>
    /// How long HubSpot asks to wait: <c>Retry-After</c> (seconds or a date) on any answer; on a 429 without it, 1 s
    /// for search, else the window of <c>X-HubSpot-RateLimit-Interval-Milliseconds</c>, else 1 s. Null for backoff.
    /// </summary>
    public static TimeSpan? Wait(HttpResponseMessage response, bool search, TimeProvider clock)
    {
        if (response.Headers.RetryAfter is { } retryAfter)
        {
            return retryAfter.Delta ?? (retryAfter.Date is { } date ? NotNegative(date - clock.GetUtcNow()) : null);
        }

        if (response.StatusCode != HttpStatusCode.TooManyRequests)
        {
            return null;
        }

        return !search && Header(response, IntervalHeader) is { } text && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds)
            ? TimeSpan.FromMilliseconds(milliseconds)
            : SearchWindow;
    }

    /// <summary>Up to a fifth more than asked, never less, so clients limited together do not return together.</summary>
    public static TimeSpan? Jittered(TimeSpan? wait) => wait * (1 + (0.2 * Random.Shared.NextDouble()));

    public static bool IsOutage(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is HttpRequestException or TimeoutRejectedException
        || (int?)outcome.Result?.StatusCode is >= 500 or (int)HttpStatusCode.RequestTimeout;

    // The policy is only in the body; buffering it lets the client read it again for its message.
    private static async Task<bool> IsDailyLimitAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (Header(response, DailyRemainingHeader) == "0")
        {
            return true;
        }

        await response.Content.LoadIntoBufferAsync(cancellationToken);
        return HubSpotError.Parse(await response.Content.ReadAsStringAsync(cancellationToken)).IsDailyLimit;
    }

    private static bool IsSearch(HttpRequestMessage? request) => request is not null && request.Options.TryGetValue(Search, out var search) && search;

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static TimeSpan NotNegative(TimeSpan wait) => wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
}

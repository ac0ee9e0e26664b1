using System.Net;
using HelpDesk.Connectors.Zoom.Hosting;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace HelpDesk.Connectors.Zoom.Api;

/// <summary>
/// When a request to Zoom is tried again, and after how long. A 429 was refused, not carried out, so any request is
/// repeated after Zoom's <c>Retry-After</c> (seconds or a date; exponential backoff when Zoom sends none), if that wait
/// fits in <see cref="ZoomOptions.MaxRetryWait"/>; the daily limit of meeting creates is never waited out inside a call.
/// A 5xx or a timeout on a create is not repeated: Zoom may have made the meeting before failing, and Zoom has no
/// idempotency key and no way to find a meeting by ours, so a blind retry could leave a second meeting nobody knows
/// of. The remembered idempotency key only covers attempts after a success, not this case; the call fails, and the
/// hub's later attempt creates the meeting if none was made (an orphan at worst, never a ticket pointing to two).
/// Reads and deletes are repeated after any transient failure. A circuit breaker stops calling a failing Zoom for a
/// while, so a ticket burst fails fast instead of each call waiting out its timeout.
/// </summary>
internal static class ZoomRetries
{
    public static void ConfigureApi(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, ZoomOptions options, TimeProvider clock)
    {
        pipeline.AddRetry(new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = 3,
            BackoffType = DelayBackoffType.Exponential,
            Delay = TimeSpan.FromMilliseconds(500),
            UseJitter = true,
            // Retry-After is read by DelayGenerator below, which also understands Zoom's ISO dates.
            ShouldRetryAfterHeader = false,
            ShouldHandle = args => ShouldRetryAsync(args.Outcome, args.Context.GetRequestMessage(), options.MaxRetryWait, clock, args.Context.CancellationToken),
            DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result is { } response ? ZoomRateLimit.RetryAfter(response, clock) : null),
        });
        pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
        {
            FailureRatio = 0.5,
            MinimumThroughput = 10,
            SamplingDuration = TimeSpan.FromSeconds(30),
            BreakDuration = TimeSpan.FromSeconds(15),
            // A 429 is Zoom answering as agreed, not Zoom failing: rate limits never open the circuit.
            ShouldHandle = args => ValueTask.FromResult(IsFailure(args.Outcome)),
        });
        pipeline.AddTimeout(options.RequestTimeout);
    }

    /// <summary>A token request changes nothing at Zoom, so transient failures are repeated; a 4xx (bad credentials) is not.</summary>
    public static void ConfigureToken(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, ZoomOptions options)
    {
        pipeline.AddRetry(new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = 2,
            BackoffType = DelayBackoffType.Exponential,
            Delay = TimeSpan.FromMilliseconds(250),
            UseJitter = true,
            MaxDelay = options.MaxRetryWait,
        });
        pipeline.AddTimeout(options.RequestTimeout);
    }

    public static async ValueTask<bool> ShouldRetryAsync(
        Outcome<HttpResponseMessage> outcome, HttpRequestMessage? request, TimeSpan maxWait, TimeProvider clock, CancellationToken cancellationToken)
    {
        var repeatable = request?.Method == HttpMethod.Get || request?.Method == HttpMethod.Delete;
        if (outcome.Result is not { } response)
        {
            return repeatable && outcome.Exception is HttpRequestException or Polly.Timeout.TimeoutRejectedException;
        }

        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            // The body is buffered by reading it, so the caller can still read it when no retry follows.
            var body = response.Headers.Contains(ZoomRateLimit.TypeHeader) ? null : await response.Content.ReadAsStringAsync(cancellationToken);
            return !ZoomRateLimit.IsDaily(response, body) && !(ZoomRateLimit.RetryAfter(response, clock) > maxWait);
        }

        return repeatable && IsFailure(outcome);
    }

    private static bool IsFailure(Outcome<HttpResponseMessage> outcome) => outcome.Result is { } response
        ? (int)response.StatusCode >= 500 || response.StatusCode == HttpStatusCode.RequestTimeout
        : outcome.Exception is HttpRequestException or Polly.Timeout.TimeoutRejectedException;
}

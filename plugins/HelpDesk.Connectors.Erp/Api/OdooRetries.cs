using System.Net;
using HelpDesk.Connectors.Erp.Hosting;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Timeout;

namespace HelpDesk.Connectors.Erp.Api;

/// <summary>
/// How a request to Odoo is tried again. The plugin only reads, so every failure that is not the request's own fault
/// is worth another try: timeouts, refused connections, 429/5xx from a proxy (after its <c>Retry-After</c>, seconds or
/// a date, when that fits in <see cref="ErpOptions.MaxRetryWait"/>), and Odoo's server faults, which JSON-RPC reports
/// inside an HTTP 200 (so the body is looked into). A circuit breaker stops calling an Odoo that keeps failing.
/// </summary>
internal static class OdooRetries
{
    public static readonly TimeSpan BreakDuration = TimeSpan.FromSeconds(30);

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, ErpOptions options)
    {
        // Waits and timeouts are spent on the network, so they run on the real clock; the hub's TimeProvider only
        // says what day it is (tests fake it to fix "today" without freezing HTTP).
        pipeline.TimeProvider = TimeProvider.System;
        pipeline.AddRetry(new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = 3,
            BackoffType = DelayBackoffType.Exponential,
            Delay = TimeSpan.FromMilliseconds(250),
            UseJitter = true,
            // Retry-After is read by DelayGenerator, which also caps it by MaxRetryWait through ShouldHandle.
            ShouldRetryAfterHeader = false,
            ShouldHandle = args => ShouldRetryAsync(args.Outcome, options.MaxRetryWait, args.Context.CancellationToken),
            DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result is { } response ? RetryAfter(response) : null),
        });
        pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
        {
            // Lookups are few (one per ticket opened), so a handful of failures is already a pattern.
            MinimumThroughput = 8,
            FailureRatio = 0.5,
            SamplingDuration = TimeSpan.FromSeconds(60),
            BreakDuration = BreakDuration,
            ShouldHandle = args => IsFailureAsync(args.Outcome, args.Context.CancellationToken),
        });
        pipeline.AddTimeout(options.RequestTimeout);
    }

    public static async ValueTask<bool> ShouldRetryAsync(Outcome<HttpResponseMessage> outcome, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        if (outcome.Result is { } response && RetryAfter(response) > maxWait)
        {
            return false;
        }

        return await IsFailureAsync(outcome, cancellationToken);
    }

    public static async ValueTask<bool> IsFailureAsync(Outcome<HttpResponseMessage> outcome, CancellationToken cancellationToken)
    {
        if (outcome.Result is not { } response)
        {
            return outcome.Exception is HttpRequestException or TimeoutRejectedException;
        }

        if (response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500)
        {
            return true;
        }

        return response.StatusCode == HttpStatusCode.OK && await IsJsonRpcServerFaultAsync(response, cancellationToken);
    }

    /// <summary>The wait a <c>Retry-After</c> asks for (seconds or an HTTP date), or null for exponential backoff.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date > TimeProvider.System.GetUtcNow() ? date - TimeProvider.System.GetUtcNow() : TimeSpan.Zero,
        _ => null,
    };

    // Buffered, so the client reads the same body afterwards.
    private static async ValueTask<bool> IsJsonRpcServerFaultAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.RequestMessage?.RequestUri?.AbsolutePath.EndsWith("/jsonrpc", StringComparison.Ordinal) != true)
        {
            return false;
        }

        await response.Content.LoadIntoBufferAsync(cancellationToken);
        var name = OdooErrors.JsonRpcErrorName(await response.Content.ReadAsStringAsync(cancellationToken));
        return name is not null && OdooErrors.Classify(name) == OdooFailure.Unavailable;
    }
}

using System.Globalization;

namespace HelpDesk.TestSupport.Fakes;

/// <summary>
/// A fault <see cref="FakeZoom"/> answers with instead of doing the work (or, for <see cref="Slow"/>, after doing it):
/// Zoom's rate limits in their three shapes (seconds, daily with an ISO date, no headers at all), 5xx, a token Zoom no
/// longer takes, an answer slower than the client's timeout.
/// </summary>
/// <param name="Status">The status to answer; null to do the work and answer late.</param>
/// <param name="BodyFixture">A file of <c>fixtures/zoom</c> sent as the body.</param>
/// <param name="RateLimitType">The <c>X-RateLimit-Type</c> header, when sent.</param>
/// <param name="RetryAfter">The <c>Retry-After</c> header as sent: seconds or an ISO date-time.</param>
/// <param name="Delay">How long the answer takes.</param>
public sealed record ZoomFault(int? Status, string? BodyFixture = null, string? RateLimitType = null, string? RetryAfter = null, TimeSpan? Delay = null)
{
    /// <summary>The per-second limit: 429, <c>X-RateLimit-Type: QPS</c>, <c>Retry-After</c> in seconds (1 by default).</summary>
    public static ZoomFault RateLimited(int retryAfterSeconds = 1) =>
        new(429, "error-429-per-second.json", "QPS", retryAfterSeconds.ToString(CultureInfo.InvariantCulture));

    /// <summary>
    /// The daily limit of meeting creates: 429, <c>X-RateLimit-Type: Daily-limit</c>, <c>Retry-After</c> as an ISO
    /// date-time, by default the next 00:00 UTC of the system clock.
    /// </summary>
    public static ZoomFault DailyLimit(DateTimeOffset? resetsAt = null) =>
        new(429, "error-429-daily.json", "Daily-limit", (resetsAt ?? NextMidnight()).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));

    /// <summary>A 429 with no rate-limit headers, as developers reported: the per-second body, or the daily one.</summary>
    public static ZoomFault RateLimitedWithoutHeaders(bool daily = false) => new(429, daily ? "error-429-daily.json" : "error-429-per-second.json");

    public static ZoomFault ServerError() => new(500);

    public static ZoomFault Unavailable() => new(503);

    /// <summary>401 code 124 although the token is live: Zoom revoked it early.</summary>
    public static ZoomFault InvalidToken() => new(401, "error-401.json");

    /// <summary>Does the work, then answers only after <paramref name="delay"/>: a client that times out never learns it was done.</summary>
    public static ZoomFault Slow(TimeSpan delay) => new(null, Delay: delay);

    private static DateTimeOffset NextMidnight() => new(DateTime.UtcNow.Date.AddDays(1), TimeSpan.Zero);
}

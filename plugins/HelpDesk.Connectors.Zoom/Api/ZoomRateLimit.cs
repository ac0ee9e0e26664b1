using System.Globalization;
using System.Net;

namespace HelpDesk.Connectors.Zoom.Api;

/// <summary>
/// Reading Zoom's 429s. Zoom sends <c>Retry-After</c> as seconds or as an ISO date-time (for the daily limit), and
/// sometimes no headers at all; a daily limit is recognised by <c>X-RateLimit-Type: Daily-limit</c> or by its message.
/// </summary>
internal static class ZoomRateLimit
{
    public const string TypeHeader = "X-RateLimit-Type";

    /// <summary>Whether this 429 is the per-user daily limit of meeting creates and updates, which no short wait lifts.</summary>
    /// <param name="response">Zoom's 429.</param>
    /// <param name="body">Its body, when already read; the header alone decides when it is present.</param>
    public static bool IsDaily(HttpResponseMessage response, string? body)
    {
        if (response.StatusCode != HttpStatusCode.TooManyRequests)
        {
            return false;
        }

        if (Header(response, TypeHeader) is { } type)
        {
            return type.Contains("daily", StringComparison.OrdinalIgnoreCase);
        }

        return body is not null && body.Contains("daily", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Zoom's <c>Retry-After</c> as a wait from now (seconds or a date), or null when it sent none.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider clock) => RetryAfterHeader(response) switch
    {
        (TimeSpan wait, _) => wait,
        (_, DateTimeOffset at) => NotNegative(at - clock.GetUtcNow()),
        _ => null,
    };

    /// <summary>When a daily limit lifts: <c>Retry-After</c> when given, else the next 00:00 UTC, when Zoom resets it.</summary>
    public static DateTimeOffset DailyReset(HttpResponseMessage response, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        return RetryAfterHeader(response) switch
        {
            (TimeSpan wait, _) => now + wait,
            (_, DateTimeOffset at) => at.ToUniversalTime(),
            _ => new DateTimeOffset(now.UtcDateTime.Date.AddDays(1), TimeSpan.Zero),
        };
    }

    // Read raw: HttpClient's typed RetryAfter understands only seconds and RFC 1123 dates, not Zoom's ISO form.
    private static (TimeSpan? Wait, DateTimeOffset? At) RetryAfterHeader(HttpResponseMessage response)
    {
        if (Header(response, "Retry-After") is not { } text)
        {
            return (null, null);
        }

        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return (TimeSpan.FromSeconds(seconds), null);
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? (null, at) : (null, null);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.NonValidated.TryGetValues(name, out var values) ? values.FirstOrDefault()?.Trim() : null;

    private static TimeSpan NotNegative(TimeSpan wait) => wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
}

using System.Globalization;
using System.Net;
using HelpDesk.Connectors.Zoom.Hosting;

namespace HelpDesk.Connectors.Zoom.Api;

/// <summary>
/// The message for a request Zoom refused: its status decides what it means and what to do; Zoom's <c>code</c> and
/// <c>message</c> follow for whoever reads the log.
/// </summary>
internal static class ZoomRefusal
{
    public static string Describe(HttpResponseMessage response, string what, int? code, string? message, string body, ZoomOptions options, TimeProvider clock)
    {
        var status = (int)response.StatusCode;
        var meaning = response.StatusCode switch
        {
            HttpStatusCode.Unauthorized =>
                "Zoom refused a freshly issued access token: check that the app is activated and has the scopes meeting:write:meeting and meeting:read:meeting",
            HttpStatusCode.Forbidden => "the app lacks a scope or the account a feature this needs",
            HttpStatusCode.NotFound => $"Zoom knows no user '{options.UserId}' (UserId) or no such meeting",
            HttpStatusCode.TooManyRequests when ZoomRateLimit.IsDaily(response, body) => DailyLimit(ZoomRateLimit.DailyReset(response, clock), options),
            HttpStatusCode.TooManyRequests =>
                $"Zoom is rate limiting; waits longer than MaxRetryWait ({options.MaxRetryWait.TotalSeconds:0} s) are left to the hub's retry",
            _ when status >= 500 =>
                "Zoom failed; a create is not repeated here, because Zoom may have made the meeting before failing",
            _ => null,
        };
        var zoomSaid = code is null && message is null ? null : $"Zoom code {code?.ToString(CultureInfo.InvariantCulture) ?? "none"}: {message}";
        var detail = string.Join("; ", new[] { meaning, zoomSaid }.OfType<string>());
        return $"Zoom answered {status} to {what}{(detail.Length > 0 ? ": " + detail : "")}.";
    }

    private static string DailyLimit(DateTimeOffset resetsAt, ZoomOptions options) =>
        $"the daily limit of meeting create/update requests for user '{options.UserId}' is reached; it resets at "
        + $"{resetsAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC, and no meeting can be scheduled before then. Not retried";
}

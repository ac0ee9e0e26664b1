using System.Security.Cryptography;
using System.Text;

namespace HelpDesk.Core.Reports;

/// <summary>
/// One recipient's copy of a run, as <c>report_deliveries</c> keeps it: <c>pending</c> until the channel takes it,
/// then <c>sent</c>; <c>failed</c> once the channel refused it <see cref="ReportDeliveryOptions.MaxAttempts"/> times.
/// </summary>
public sealed record ReportDelivery(
    string RunId, string Email, string Language, string MessageId, string Status, int Attempts, string? Error, DateTimeOffset NextAttemptAt, DateTimeOffset? SentAt)
{
    public const string Pending = "pending";
    public const string Sent = "sent";
    public const string Failed = "failed";

    /// <summary>
    /// A run's deliveries, one per address (the same address listed twice gets one mail). The message id comes from the
    /// run and the address alone, so every attempt, on any node, hands the channel the same id and it sends it once.
    /// </summary>
    public static IReadOnlyList<ReportDelivery> For(string runId, IEnumerable<ReportRecipient> recipients, DateTimeOffset now) =>
        [.. recipients
            .DistinctBy(r => r.Email, StringComparer.OrdinalIgnoreCase)
            .Select(r => new ReportDelivery(runId, r.Email, ReportRenderer.LanguageOf(r), MessageIdOf(runId, r.Email), Pending, 0, null, now, null))];

    private static string MessageIdOf(string runId, string email)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{runId}:{email.ToLowerInvariant()}")))[..16];
        return $"<hd.report.{runId}.{hash}@helpdesk>";
    }
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace HelpDesk.Connectors.Monitoring.Mapping;

/// <summary>
/// The id of one state of an alert: Alertmanager and Grafana repeat a group's full state in every notification (and
/// on retries and from HA peers), so status + start + end identify a report the hub has already seen.
/// </summary>
internal static class OccurrenceIds
{
    public static string For(string status, DateTimeOffset startsAt, DateTimeOffset? endsAt)
    {
        var state = string.Join('|', status, Utc(startsAt), endsAt is { } end ? Utc(end) : "");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(state)).AsSpan(0, 16));
    }

    private static string Utc(DateTimeOffset value) => value.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
}

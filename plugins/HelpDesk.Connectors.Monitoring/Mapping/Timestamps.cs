using System.Globalization;
using System.Text.RegularExpressions;

namespace HelpDesk.Connectors.Monitoring.Mapping;

/// <summary>
/// ISO 8601 / RFC 3339 date-times as monitoring tools write them: <c>Z</c>, <c>+00:00</c> or PagerDuty's <c>+0000</c>,
/// with or without a fraction (Go writes up to nine digits; .NET keeps seven).
/// </summary>
internal static partial class Timestamps
{
    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        value = default;
        if (text is null || DateTimePattern().Match(text.Trim()) is not { Success: true } match)
        {
            return false;
        }

        var fraction = (match.Groups["fraction"].Value + "0000000")[..7];
        var offset = match.Groups["offset"].Value;
        offset = offset is "Z" or "z" ? "+00:00" : offset.Contains(':', StringComparison.Ordinal) ? offset : offset.Insert(3, ":");
        return DateTimeOffset.TryParseExact(
            $"{match.Groups["date"].Value}T{match.Groups["time"].Value}.{fraction}{offset}",
            "yyyy-MM-dd'T'HH:mm:ss.fffffffzzz",
            CultureInfo.InvariantCulture,
            DateTimeStyles.None,
            out value);
    }

    /// <summary>Go's zero time, which Alertmanager and Grafana send as the end of an alert still firing.</summary>
    public static bool IsUnset(DateTimeOffset value) => value.UtcDateTime.Year <= 1;

    [GeneratedRegex(@"^(?<date>\d{4}-\d{2}-\d{2})[Tt ](?<time>\d{2}:\d{2}:\d{2})(?:\.(?<fraction>\d{1,9})\d*)?(?<offset>[Zz]|[+-]\d{2}:?\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex DateTimePattern();
}

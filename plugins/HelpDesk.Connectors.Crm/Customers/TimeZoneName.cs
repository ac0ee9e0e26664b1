namespace HelpDesk.Connectors.Crm.Customers;

/// <summary>
/// An IANA time zone name from a CRM's value. HubSpot's <c>hs_timezone</c> holds enumeration values such as
/// <c>europe_slash_berlin</c> or <c>america_slash_new_york</c>; the hub wants <c>Europe/Berlin</c>.
/// </summary>
internal static class TimeZoneName
{
    private const string HubSpotSlash = "_slash_";
    private static readonly Lazy<string[]> SystemIds = new(() => [.. TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id)]);

    public static string? From(string? value)
    {
        if (value is null || !value.Contains(HubSpotSlash, StringComparison.OrdinalIgnoreCase))
        {
            return value;
        }

        var guess = string.Join('/', value.Split(HubSpotSlash, StringSplitOptions.RemoveEmptyEntries).Select(Capitalized));
        return Known(guess) ?? guess;
    }

    // Zones such as America/Port-au-Prince do not follow the simple capitalisation; the system's list has the exact case.
    private static string? Known(string guess) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(guess, out var zone) ? zone.Id
        : Array.Find(SystemIds.Value, id => string.Equals(id, guess, StringComparison.OrdinalIgnoreCase));

    private static string Capitalized(string part) =>
        string.Join('_', part.Split('_').Select(word => word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..].ToLowerInvariant()));
}

using System.Collections.Frozen;
using HelpDesk.Connectors.Crm.Hosting;
using Microsoft.Extensions.Configuration;

namespace HelpDesk.Connectors.Crm.Customers;

/// <summary>
/// Which CRM property feeds which profile field, by the CRM's internal names. Account facts (tier, segment, region,
/// owner) are read from the company first, then the contact; personal ones (language, time zone) from the contact.
/// Each CRM supplies its defaults (<see cref="HubSpot.HubSpotMapping"/>); configuration overrides them.
/// </summary>
internal sealed record ProfileMapping
{
    public string? TierProperty { get; init; }

    /// <summary>Tiers (lower-case) that make a customer VIP.</summary>
    public FrozenSet<string> VipTiers { get; init; } = FrozenSet<string>.Empty;

    public string? SegmentProperty { get; init; }

    public string? RegionProperty { get; init; }

    public string? OwnerProperty { get; init; }

    public string? LanguageProperty { get; init; }

    public string? TimeZoneProperty { get; init; }

    /// <summary>Contact properties copied into the profile's attributes under their own names.</summary>
    public IReadOnlyList<string> ContactAttributes { get; init; } = [];

    /// <summary>Company properties copied into the profile's attributes under their own names.</summary>
    public IReadOnlyList<string> CompanyAttributes { get; init; } = [];

    /// <summary>Contact attributes every profile carries whatever is configured (HubSpot's <c>lifecyclestage</c>).</summary>
    public IReadOnlyList<string> AlwaysContactAttributes { get; init; } = [];

    private string?[] AccountProperties => [TierProperty, SegmentProperty, RegionProperty, OwnerProperty];

    /// <summary>Everything the mapping reads, for the directory to request and nothing more.</summary>
    public CrmProperties Properties => new(
        Distinct([.. AlwaysContactAttributes, LanguageProperty, .. ContactAttributes, TimeZoneProperty, .. AccountProperties]),
        Distinct([.. AccountProperties, .. CompanyAttributes]));

    /// <summary>Reads the mapping keys of the plugin's section over the CRM's <paramref name="defaults"/>.</summary>
    /// <exception cref="InvalidOperationException">A property name cannot be one.</exception>
    public static ProfileMapping From(IConfiguration section, ProfileMapping defaults) => defaults with
    {
        TierProperty = Settings.PropertyName(section, "TierProperty", defaults.TierProperty),
        VipTiers = Settings.List(section, "VipTiers") is { } tiers
            ? tiers.Select(t => t.ToLowerInvariant()).ToFrozenSet(StringComparer.OrdinalIgnoreCase)
            : defaults.VipTiers,
        SegmentProperty = Settings.PropertyName(section, "SegmentProperty", defaults.SegmentProperty),
        RegionProperty = Settings.PropertyName(section, "RegionProperty", defaults.RegionProperty),
        OwnerProperty = Settings.PropertyName(section, "OwnerProperty", defaults.OwnerProperty),
        LanguageProperty = Settings.PropertyName(section, "LanguageProperty", defaults.LanguageProperty),
        TimeZoneProperty = Settings.PropertyName(section, "TimeZoneProperty", defaults.TimeZoneProperty),
        ContactAttributes = Names(section, "ContactAttributes") ?? defaults.ContactAttributes,
        CompanyAttributes = Names(section, "CompanyAttributes") ?? defaults.CompanyAttributes,
    };

    private static List<string>? Names(IConfiguration section, string key)
    {
        var names = Settings.List(section, key);
        return names?.Find(n => n.Any(char.IsWhiteSpace)) is { } bad
            ? throw Settings.Invalid(key, $"'{bad}' must be a property's internal name, without spaces")
            : names;
    }

    private static List<string> Distinct(IEnumerable<string?> names) => [.. names.OfType<string>().Distinct(StringComparer.Ordinal)];
}

using System.Collections.Frozen;
using HelpDesk.Connectors.Crm.Customers;

namespace HelpDesk.Connectors.Crm.HubSpot;

/// <summary>HubSpot's property names: the defaults of the configurable mapping, and the fixed ones every lookup reads.</summary>
internal static class HubSpotMapping
{
    /// <summary>Contact properties read for the profile's name and company text, before the mapped ones.</summary>
    public static readonly string[] ContactBasics = ["firstname", "lastname", "email", "company"];

    public const string CompanyName = "name";

    public static ProfileMapping Defaults { get; } = new()
    {
        // support_tier is a custom company property each account creates; its internal name is what is configured.
        TierProperty = "support_tier",
        VipTiers = new[] { "vip", "enterprise" }.ToFrozenSet(StringComparer.OrdinalIgnoreCase),
        RegionProperty = "region",
        OwnerProperty = "hubspot_owner_id",
        LanguageProperty = "hs_language",
        TimeZoneProperty = "hs_timezone",
        ContactAttributes = ["phone"],
        CompanyAttributes = ["domain", "industry"],
        AlwaysContactAttributes = ["lifecyclestage"],
    };
}

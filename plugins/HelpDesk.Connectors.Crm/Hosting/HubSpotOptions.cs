using Microsoft.Extensions.Configuration;

namespace HelpDesk.Connectors.Crm.Hosting;

/// <summary>How to reach HubSpot, read once per load from <c>HelpDesk:Plugins:crm</c>.</summary>
public sealed record HubSpotOptions
{
    public const string DefaultBaseUrl = "https://api.hubapi.com";
    public const string DefaultAppUrl = "https://app.hubspot.com";
    public const string DefaultObjectsPath = "crm/v3/objects";
    public const string DefaultAssociationsPath = "crm/v4/objects";

    public required Uri BaseUrl { get; init; }

    /// <summary>A private app's access token (<c>pat-na1-…</c>); sent as a bearer token, never logged or shown.</summary>
    public required string AccessToken { get; init; }

    /// <summary>
    /// The objects API with its version segment. HubSpot is moving to date-versioned paths
    /// (<c>crm/objects/2026-03</c>); changing this follows it without a new plugin.
    /// </summary>
    public string ObjectsPath { get; init; } = DefaultObjectsPath;

    /// <summary>The associations API with its version segment; v4 gives association type ids (1 = primary company).</summary>
    public string AssociationsPath { get; init; } = DefaultAssociationsPath;

    /// <summary>The HubSpot account (hub) id, for links to records; without it profiles carry ids but no links.</summary>
    public string? PortalId { get; init; }

    /// <summary>Where people open records: <c>https://app-eu1.hubspot.com</c> for accounts hosted in the EU.</summary>
    public Uri AppUrl { get; init; } = new(DefaultAppUrl + "/");

    /// <summary>How long one HTTP request may take; the hub abandons a whole call into the plugin after 10 s.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The longest rate-limit wait inside one call; a longer one fails the lookup, and the next lookup tries again.</summary>
    public TimeSpan MaxRetryWait { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Where a person opens a record: <c>0-1</c> is HubSpot's object type id of contacts, <c>0-2</c> of companies.</summary>
    public Uri? RecordUrl(string objectTypeId, string id) => PortalId is null
        ? null
        : new Uri(AppUrl, $"contacts/{Uri.EscapeDataString(PortalId)}/record/{objectTypeId}/{Uri.EscapeDataString(id)}");

    /// <summary>Reads the section; an unusable value fails the plugin's load with the key at fault.</summary>
    /// <exception cref="InvalidOperationException">A required key is missing or a value cannot be used.</exception>
    public static HubSpotOptions From(IConfiguration section)
    {
        var portal = Settings.Value(section, "PortalId");
        if (portal is not null && !portal.All(char.IsAsciiDigit))
        {
            throw Settings.Invalid("PortalId", $"'{portal}' must be the HubSpot account id, digits only (Settings → Account details)");
        }

        return new HubSpotOptions
        {
            BaseUrl = Settings.Url(section, "BaseUrl", DefaultBaseUrl),
            AccessToken = Settings.Value(section, "AccessToken") ?? throw Settings.Invalid("AccessToken", "is required (a HubSpot private app's access token)"),
            ObjectsPath = Settings.ApiPath(section, "ObjectsPath", DefaultObjectsPath),
            AssociationsPath = Settings.ApiPath(section, "AssociationsPath", DefaultAssociationsPath),
            PortalId = portal,
            AppUrl = Settings.Url(section, "AppUrl", DefaultAppUrl),
            RequestTimeout = Settings.Duration(section, "RequestTimeout", TimeSpan.FromSeconds(10)),
            MaxRetryWait = Settings.Duration(section, "MaxRetryWait", TimeSpan.FromSeconds(5)),
        };
    }
}

using System.Globalization;
using System.Text.Json.Nodes;
using HelpDesk.Connectors.Crm.Customers;
using HelpDesk.Connectors.Crm.Hosting;

namespace HelpDesk.Connectors.Crm.HubSpot;

/// <summary>
/// HubSpot as a <see cref="ICrmDirectory"/>: the contact by email (search, <c>EQ</c>, limit 1), its primary company
/// from the v4 associations (association type 1), then that company. Three reads per lookup; the hub caches answers.
/// </summary>
internal sealed class HubSpotDirectory(HubSpotApi hubSpot, HubSpotOptions options) : ICrmDirectory
{
    private const string ContactTypeId = "0-1";
    private const string CompanyTypeId = "0-2";

    public string System => "hubspot";

    public async Task<CrmCustomer?> FindByEmailAsync(string email, CrmProperties properties, CancellationToken cancellationToken)
    {
        if (await FindContactAsync(email, properties.Contact, cancellationToken) is not { } contact)
        {
            return null;
        }

        var companyId = await PrimaryCompanyIdAsync(contact.Id, cancellationToken);
        var company = companyId is null ? null : await GetCompanyAsync(companyId, properties.Company, cancellationToken);
        return new CrmCustomer(contact, company);
    }

    private async Task<CrmContact?> FindContactAsync(string email, IReadOnlyList<string> mapped, CancellationToken cancellationToken)
    {
        var wanted = HubSpotMapping.ContactBasics.Concat(mapped).Distinct(StringComparer.Ordinal);
        var search = new JsonObject
        {
            ["filterGroups"] = new JsonArray(new JsonObject
            {
                ["filters"] = new JsonArray(new JsonObject { ["propertyName"] = "email", ["operator"] = "EQ", ["value"] = email }),
            }),
            ["properties"] = new JsonArray([.. wanted.Select(p => (JsonNode)p)]),
            ["limit"] = 1,
        };
        var answer = await hubSpot.SearchAsync($"{options.ObjectsPath}/contacts/search", search, cancellationToken);
        if ((answer["results"] as JsonArray)?.FirstOrDefault() is not JsonObject found || Text(found["id"]) is not { } id)
        {
            return null;
        }

        var values = Properties(found);
        return new CrmContact(id, Value(values, "firstname"), Value(values, "lastname"), Value(values, "company"), options.RecordUrl(ContactTypeId, id), values);
    }

    private async Task<string?> PrimaryCompanyIdAsync(string contactId, CancellationToken cancellationToken)
    {
        // One page of up to 500 companies: the primary is among them for any contact a person could manage.
        var path = $"{options.AssociationsPath}/contacts/{Uri.EscapeDataString(contactId)}/associations/companies?limit=500";
        return HubSpotAssociations.PrimaryCompanyId(await hubSpot.GetAsync(path, cancellationToken));
    }

    private async Task<CrmCompany?> GetCompanyAsync(string companyId, IReadOnlyList<string> mapped, CancellationToken cancellationToken)
    {
        var wanted = new[] { HubSpotMapping.CompanyName }.Concat(mapped).Distinct(StringComparer.Ordinal).Select(Uri.EscapeDataString);
        var path = $"{options.ObjectsPath}/companies/{Uri.EscapeDataString(companyId)}?properties={string.Join(',', wanted)}";
        // A company deleted (or merged away) since the association was read: the profile goes without it.
        if (await hubSpot.FindAsync(path, cancellationToken) is not { } found)
        {
            return null;
        }

        var values = Properties(found);
        return new CrmCompany(companyId, Value(values, HubSpotMapping.CompanyName), options.RecordUrl(CompanyTypeId, companyId), values);
    }

    // Property values are strings or null in HubSpot; anything else is kept as its JSON text rather than dropped.
    private static Dictionary<string, string?> Properties(JsonObject record) =>
        (record["properties"] as JsonObject ?? []).ToDictionary(p => p.Key, p => Text(p.Value) ?? p.Value?.ToJsonString(), StringComparer.Ordinal);

    private static string? Value(Dictionary<string, string?> values, string name) => values.GetValueOrDefault(name);

    private static string? Text(JsonNode? node) => node switch
    {
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        JsonValue value when value.TryGetValue<long>(out var number) => number.ToString(CultureInfo.InvariantCulture),
        _ => null,
    };
}

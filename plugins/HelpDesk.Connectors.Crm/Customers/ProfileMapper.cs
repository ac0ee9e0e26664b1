using HelpDesk.Sdk.Capabilities;
using HelpDesk.Sdk.Tickets;

namespace HelpDesk.Connectors.Crm.Customers;

/// <summary>Turns a CRM's contact and company into the hub's <see cref="CustomerProfile"/>, by the configured property names.</summary>
internal static class ProfileMapper
{
    public static CustomerProfile Map(string email, CrmCustomer customer, ProfileMapping mapping, string system)
    {
        var (contact, company) = (customer.Contact, customer.Company);
        var tier = Account(customer, mapping.TierProperty)?.ToLowerInvariant();
        return new CustomerProfile(email)
        {
            Name = FullName(contact),
            Company = Blank(company?.Name) ?? Blank(contact.CompanyText),
            Tier = tier,
            IsVip = tier is not null && mapping.VipTiers.Contains(tier),
            Segment = Account(customer, mapping.SegmentProperty),
            Region = Account(customer, mapping.RegionProperty),
            Owner = Account(customer, mapping.OwnerProperty),
            Language = Read(contact.Properties, mapping.LanguageProperty),
            TimeZone = TimeZoneName.From(Read(contact.Properties, mapping.TimeZoneProperty)),
            Attributes = Attributes(customer, mapping),
            Links = company is null
                ? [new ExternalReference(system, contact.Id, contact.Url?.AbsoluteUri)]
                : [new ExternalReference(system, contact.Id, contact.Url?.AbsoluteUri), new ExternalReference(system, company.Id, company.Url?.AbsoluteUri)],
        };
    }

    // What the company says wins: a tier or owner is the account's, and a contact's copy may be stale.
    private static string? Account(CrmCustomer customer, string? property) =>
        (customer.Company is { } company ? Read(company.Properties, property) : null) ?? Read(customer.Contact.Properties, property);

    private static string? FullName(CrmContact contact) => Blank($"{contact.FirstName?.Trim()} {contact.LastName?.Trim()}".Trim());

    // Contact attributes first: when both records carry one name, the person's own value is the more specific.
    private static Dictionary<string, string> Attributes(CrmCustomer customer, ProfileMapping mapping)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        Copy(attributes, customer.Contact.Properties, [.. mapping.AlwaysContactAttributes, .. mapping.ContactAttributes]);
        if (customer.Company is { } company)
        {
            Copy(attributes, company.Properties, mapping.CompanyAttributes);
        }

        return attributes;
    }

    private static void Copy(Dictionary<string, string> attributes, IReadOnlyDictionary<string, string?> properties, IEnumerable<string> names)
    {
        foreach (var name in names)
        {
            if (Read(properties, name) is { } value)
            {
                attributes.TryAdd(name, value);
            }
        }
    }

    private static string? Read(IReadOnlyDictionary<string, string?> properties, string? name) =>
        name is not null && properties.TryGetValue(name, out var value) ? Blank(value) : null;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

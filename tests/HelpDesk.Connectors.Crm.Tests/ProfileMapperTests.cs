using HelpDesk.Connectors.Crm.Customers;
using HelpDesk.Connectors.Crm.HubSpot;

namespace HelpDesk.Connectors.Crm.Tests;

public sealed class ProfileMapperTests
{
    [Theory]
    [InlineData("europe_slash_berlin", "Europe/Berlin")]
    [InlineData("america_slash_new_york", "America/New_York")]
    [InlineData("america_slash_argentina_slash_buenos_aires", "America/Argentina/Buenos_Aires")]
    [InlineData("Australia/Sydney", "Australia/Sydney")]
    [InlineData(null, null)]
    public void Hubspot_time_zone_values_become_iana_names(string? value, string? expected) => Assert.Equal(expected, TimeZoneName.From(value));

    [Fact]
    public void The_company_wins_for_account_facts_and_blank_values_count_as_none()
    {
        var contact = new CrmContact("1", "  Ana ", null, "Typed Co", null, new Dictionary<string, string?>
        {
            ["support_tier"] = "VIP",
            ["region"] = "EMEA",
            ["hs_language"] = " ",
            ["lifecyclestage"] = "customer",
        });
        var company = new CrmCompany("2", "  ", null, new Dictionary<string, string?> { ["support_tier"] = "Standard", ["region"] = null });

        var profile = ProfileMapper.Map("ana@example.com", new CrmCustomer(contact, company), HubSpotMapping.Defaults, "hubspot");

        Assert.Equal("Ana", profile.Name);
        Assert.Equal("Typed Co", profile.Company);
        Assert.Equal("standard", profile.Tier);
        Assert.False(profile.IsVip);
        Assert.Equal("EMEA", profile.Region);
        Assert.Null(profile.Language);
        Assert.Equal(["1", "2"], profile.Links.Select(l => l.Key));
        Assert.All(profile.Links, l => Assert.Null(l.Url));
    }
}

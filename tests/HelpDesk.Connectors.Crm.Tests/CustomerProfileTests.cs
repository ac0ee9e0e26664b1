using System.Text.Json.Nodes;
using HelpDesk.Connectors.Crm.Customers;
using HelpDesk.Sdk.Tickets;
using HelpDesk.TestSupport;
using HelpDesk.TestSupport.Fakes;

namespace HelpDesk.Connectors.Crm.Tests;

public sealed class CustomerProfileTests : IAsyncLifetime
{
    private FakeHubSpot _hubSpot = null!;

    public async ValueTask InitializeAsync() => _hubSpot = await FakeHubSpot.StartAsync();

    public async ValueTask DisposeAsync() => await _hubSpot.DisposeAsync();

    [Fact]
    public async Task A_known_contact_gives_the_full_profile_with_its_primary_company_and_links()
    {
        _hubSpot.AddFixtureCustomer();
        await using var harness = CrmHarness.For(_hubSpot);

        var profile = await harness.FindAsync("ana.mueller@northwind.example.com");

        Assert.NotNull(profile);
        Assert.Equal("hubspot", harness.Provider().Name);
        Assert.Equal("ana.mueller@northwind.example.com", profile.Email);
        Assert.Equal("Ana Müller", profile.Name);
        Assert.Equal("Northwind Analytics GmbH", profile.Company);
        Assert.Equal("premium", profile.Tier);
        Assert.False(profile.IsVip);
        Assert.Equal("de", profile.Language);
        Assert.Null(profile.Region);
        Assert.Equal("customer", profile.Attributes["lifecyclestage"]);
        Assert.Equal("+49 30 5550142", profile.Attributes["phone"]);
        Assert.Equal("northwind.example.com", profile.Attributes["domain"]);
        Assert.Equal("COMPUTER_SOFTWARE", profile.Attributes["industry"]);
        Assert.Equal(
            [
                new ExternalReference("hubspot", "151", "https://app.hubspot.com/contacts/4711/record/0-1/151"),
                new ExternalReference("hubspot", "9001", "https://app.hubspot.com/contacts/4711/record/0-2/9001"),
            ],
            profile.Links);
    }

    [Fact]
    public async Task The_primary_company_is_chosen_by_type_id_not_by_label_or_order()
    {
        var contact = _hubSpot.AddContact("nora@contoso.example", new Dictionary<string, string?> { ["firstname"] = "Nora" });
        var plain = _hubSpot.AddCompany(new Dictionary<string, string?> { ["name"] = "Contoso Reseller", ["support_tier"] = "vip" });
        var primary = _hubSpot.AddCompany(new Dictionary<string, string?> { ["name"] = "Contoso Ltd", ["support_tier"] = "standard" });
        _hubSpot.Associate(contact, plain, primary: false, label: "Primary");
        _hubSpot.Associate(contact, primary, primary: true, label: "Main account");
        await using var harness = CrmHarness.For(_hubSpot);

        var profile = await harness.FindAsync("nora@contoso.example");

        Assert.Equal("Contoso Ltd", profile!.Company);
        Assert.Equal("standard", profile.Tier);
        Assert.False(profile.IsVip);
        Assert.Equal(primary, profile.Links[1].Key);
    }

    [Fact]
    public async Task The_default_mapping_reads_hubspot_names_and_takes_the_region_from_the_contact_when_the_company_has_none()
    {
        var contact = _hubSpot.AddContact("kai@fabrikam.example", new Dictionary<string, string?>
        {
            ["firstname"] = "Kai",
            ["region"] = "EMEA",
            ["hs_timezone"] = "europe_slash_berlin",
            ["hubspot_owner_id"] = "31337",
        });
        var company = _hubSpot.AddCompany(new Dictionary<string, string?> { ["name"] = "Fabrikam", ["support_tier"] = "Enterprise", ["hubspot_owner_id"] = "4242" });
        _hubSpot.Associate(contact, company, primary: true);
        await using var harness = CrmHarness.For(_hubSpot);

        var profile = await harness.FindAsync("kai@fabrikam.example");

        Assert.Equal("enterprise", profile!.Tier);
        Assert.True(profile.IsVip);
        Assert.Equal("EMEA", profile.Region);
        Assert.Equal("4242", profile.Owner);
        Assert.Equal("Europe/Berlin", profile.TimeZone);
        Assert.Equal("Kai", profile.Name);
    }

    [Fact]
    public async Task Tier_vip_segment_region_owner_language_and_time_zone_follow_the_configured_property_names()
    {
        var contact = _hubSpot.AddContact("min-jun@hanbit.example", new Dictionary<string, string?>
        {
            ["firstname"] = "Min-jun",
            ["lastname"] = "Park",
            ["preferred_language"] = "ko-KR",
            ["tz"] = "Asia/Seoul",
            ["plan"] = "pro",
            ["hs_language"] = "en",
        });
        var company = _hubSpot.AddCompany(new Dictionary<string, string?>
        {
            ["name"] = "Hanbit Logistics",
            ["service_level"] = "GOLD",
            ["segment"] = "enterprise",
            ["sales_region"] = "APAC",
            ["account_manager"] = "kim@vendor.example",
            ["support_tier"] = "standard",
        });
        _hubSpot.Associate(contact, company, primary: true);
        await using var harness = CrmHarness.For(_hubSpot, new()
        {
            ["TierProperty"] = "service_level",
            ["VipTiers"] = "Gold, platinum",
            ["SegmentProperty"] = "segment",
            ["RegionProperty"] = "sales_region",
            ["OwnerProperty"] = "account_manager",
            ["LanguageProperty"] = "preferred_language",
            ["TimeZoneProperty"] = "tz",
            ["ContactAttributes"] = "plan",
            ["CompanyAttributes:0"] = "segment",
        });

        var profile = await harness.FindAsync("min-jun@hanbit.example");

        Assert.Equal("gold", profile!.Tier);
        Assert.True(profile.IsVip);
        Assert.Equal("enterprise", profile.Segment);
        Assert.Equal("APAC", profile.Region);
        Assert.Equal("kim@vendor.example", profile.Owner);
        Assert.Equal("ko-KR", profile.Language);
        Assert.Equal("Asia/Seoul", profile.TimeZone);
        Assert.Equal(new Dictionary<string, string> { ["plan"] = "pro", ["segment"] = "enterprise" }, profile.Attributes);
        var companyRead = Assert.Single(_hubSpot.Requests, r => r.Route == HubSpotRoute.GetCompany);
        Assert.Contains("properties=name,service_level,segment,sales_region,account_manager", companyRead.Path, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_email_is_no_profile_and_no_error()
    {
        _hubSpot.AddFixtureCustomer();
        await using var harness = CrmHarness.For(_hubSpot);

        Assert.Null(await harness.FindAsync("nobody@northwind.example.com"));
        Assert.Equal(1, _hubSpot.RequestCount(HubSpotRoute.SearchContacts));
        Assert.Equal(0, _hubSpot.RequestCount(HubSpotRoute.ContactCompanies));
    }

    [Fact]
    public async Task The_email_matches_whatever_its_case_in_hubspot()
    {
        _hubSpot.AddCustomer("Nora.Berg@Example.COM", "Nora", "Berg", "Example AB", tier: "standard");
        await using var harness = CrmHarness.For(_hubSpot);

        Assert.Equal("Nora Berg", (await harness.FindAsync("nora.berg@example.com"))!.Name);
    }

    [Fact]
    public async Task A_contact_without_a_company_keeps_its_typed_company_and_links_only_the_contact()
    {
        var contact = _hubSpot.AddContact("sam@example.org", new Dictionary<string, string?> { ["firstname"] = "Sam", ["company"] = "Sam's Bikes", ["lifecyclestage"] = "lead" });
        await using var harness = CrmHarness.For(_hubSpot);

        var profile = await harness.FindAsync("sam@example.org");

        Assert.Equal("Sam's Bikes", profile!.Company);
        Assert.Null(profile.Tier);
        Assert.False(profile.IsVip);
        Assert.Equal("lead", profile.Attributes["lifecyclestage"]);
        Assert.Equal(contact, Assert.Single(profile.Links).Key);
        Assert.Equal(0, _hubSpot.RequestCount(HubSpotRoute.GetCompany));
    }

    [Fact]
    public async Task A_company_that_answers_404_leaves_the_profile_without_it()
    {
        var customer = _hubSpot.AddCustomer("lee@gone.example", "Lee", "Chan", "Gone Inc", tier: "vip", region: "APAC");
        _hubSpot.RemoveCompany(customer.CompanyId!);
        await using var harness = CrmHarness.For(_hubSpot);

        var profile = await harness.FindAsync("lee@gone.example");

        Assert.Equal("Lee Chan", profile!.Name);
        Assert.Equal("Gone Inc", profile.Company);
        Assert.Null(profile.Tier);
        Assert.Null(profile.Region);
        Assert.Equal(customer.ContactId, Assert.Single(profile.Links).Key);
        Assert.Equal(1, _hubSpot.RequestCount(HubSpotRoute.GetCompany));
    }

    [Fact]
    public async Task A_wrong_associations_path_is_reported_not_read_as_no_company()
    {
        _hubSpot.AddFixtureCustomer();
        await using var harness = CrmHarness.For(_hubSpot, new() { ["AssociationsPath"] = "crm/v9/objects" });

        var failure = await Assert.ThrowsAsync<CrmUnavailableException>(() => harness.FindAsync("ana.mueller@northwind.example.com"));

        Assert.StartsWith("HubSpot has no such endpoint: check ObjectsPath and AssociationsPath", failure.Message, StringComparison.Ordinal);
        Assert.Contains("GET /crm/v9/objects/contacts/151/associations/companies", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_search_request_has_the_shape_of_the_contract_fixture()
    {
        _hubSpot.AddFixtureCustomer();
        var fixture = JsonNode.Parse(ContractFixtures.Bytes("hubspot-crm", "contact-search-request.json"))!.AsObject();
        await using var harness = CrmHarness.For(_hubSpot);

        await harness.FindAsync("ana.mueller@northwind.example.com");

        var sent = JsonNode.Parse(Assert.Single(_hubSpot.Requests, r => r.Route == HubSpotRoute.SearchContacts).Body!)!.AsObject();
        Assert.Equal(fixture.Select(p => p.Key), sent.Select(p => p.Key));
        Assert.True(JsonNode.DeepEquals(fixture["filterGroups"], sent["filterGroups"]), sent.ToJsonString());
        Assert.Equal(1, (int)sent["limit"]!);
        var wanted = fixture["properties"]!.AsArray().Select(p => (string)p!).ToList();
        Assert.Equal(wanted, sent["properties"]!.AsArray().Select(p => (string)p!).Take(wanted.Count));
    }
}

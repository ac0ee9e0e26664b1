using HelpDesk.Connectors.Crm.Customers;
using HelpDesk.Connectors.Crm.Hosting;
using HelpDesk.Connectors.Crm.HubSpot;
using HelpDesk.Sdk.Capabilities;
using HelpDesk.Sdk.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace HelpDesk.Connectors.Crm.Tests;

public sealed class OptionsTests
{
    private static readonly Dictionary<string, string?> Minimal = new() { ["AccessToken"] = "pat-na1-token" };

    [Theory]
    [InlineData("BaseUrl", "not a url", "crm: BaseUrl 'not a url' must be an absolute http(s) address")]
    [InlineData("BaseUrl", "ftp://api.hubapi.com", "crm: BaseUrl 'ftp://api.hubapi.com' must be")]
    [InlineData("ObjectsPath", "crm/v3/objects?x=1", "crm: ObjectsPath 'crm/v3/objects?x=1' must be a relative API path")]
    [InlineData("RequestTimeout", "forever", "crm: RequestTimeout 'forever' must be a duration")]
    [InlineData("MaxRetryWait", "00:05:00", "crm: MaxRetryWait '00:05:00' must be a duration")]
    [InlineData("PortalId", "northwind", "crm: PortalId 'northwind' must be the HubSpot account id")]
    [InlineData("TierProperty", "support tier", "crm: TierProperty 'support tier' must be one property's internal name")]
    [InlineData("ContactAttributes", "plan, home phone", "crm: ContactAttributes 'home phone' must be a property's internal name")]
    public void An_unusable_setting_fails_the_load_naming_its_key(string key, string value, string message)
    {
        var settings = new Dictionary<string, string?>(Minimal) { [key] = value };

        var failure = Assert.Throws<InvalidOperationException>(() => new PluginHarness<CrmPlugin>(settings, pluginId: "crm"));

        Assert.StartsWith(message, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Defaults_follow_the_contract()
    {
        var options = HubSpotOptions.From(Section(Minimal));
        var mapping = ProfileMapping.From(Section(Minimal), HubSpotMapping.Defaults);

        Assert.Equal("https://api.hubapi.com/", options.BaseUrl.AbsoluteUri);
        Assert.Equal("crm/v3/objects", options.ObjectsPath);
        Assert.Equal("crm/v4/objects", options.AssociationsPath);
        Assert.Equal(TimeSpan.FromSeconds(10), options.RequestTimeout);
        Assert.Null(options.RecordUrl("0-1", "151"));
        Assert.Equal("support_tier", mapping.TierProperty);
        Assert.Equal(["enterprise", "vip"], mapping.VipTiers.Order());
        Assert.Null(mapping.SegmentProperty);
        Assert.Equal(["lifecyclestage", "hs_language", "phone", "hs_timezone", "support_tier", "region", "hubspot_owner_id"], mapping.Properties.Contact);
        Assert.Equal(["support_tier", "region", "hubspot_owner_id", "domain", "industry"], mapping.Properties.Company);
    }

    [Fact]
    public void Version_segments_portal_and_app_url_can_be_configured()
    {
        var options = HubSpotOptions.From(Section(new(Minimal)
        {
            ["ObjectsPath"] = "/crm/objects/2026-03/",
            ["AssociationsPath"] = "crm/objects/2026-03",
            ["PortalId"] = "26112233",
            ["AppUrl"] = "https://app-eu1.hubspot.com",
            ["VipTiers"] = "",
        }));
        var mapping = ProfileMapping.From(Section(new(Minimal) { ["VipTiers"] = "" }), HubSpotMapping.Defaults);

        Assert.Equal("crm/objects/2026-03", options.ObjectsPath);
        Assert.Equal("crm/objects/2026-03", options.AssociationsPath);
        Assert.Equal("https://app-eu1.hubspot.com/contacts/26112233/record/0-2/9001", options.RecordUrl("0-2", "9001")!.AbsoluteUri);
        Assert.Empty(mapping.VipTiers);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public async Task Installed_without_an_access_token_it_loads_knows_nobody_and_shows_the_admin_what_is_missing(string? token)
    {
        await using var harness = new PluginHarness<CrmPlugin>(new Dictionary<string, string?> { ["AccessToken"] = token, ["BaseUrl"] = "not checked" }, pluginId: "crm");
        var provider = harness.Services.GetRequiredService<ICustomerContextProvider>();

        var profile = await provider.FindCustomerAsync(new CustomerLookup("ana@example.com"), TestContext.Current.CancellationToken);

        Assert.Null(profile);
        Assert.Equal("hubspot", provider.Name);
        var problem = Assert.Single(harness.State.Problems).Value;
        Assert.Contains("HelpDesk:Plugins:crm:AccessToken", problem, StringComparison.Ordinal);
        Assert.Contains("crm.objects.contacts.read", problem, StringComparison.Ordinal);
    }

    private static IConfiguration Section(Dictionary<string, string?> settings) => new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
}

using HelpDesk.Connectors.Erp.Hosting;
using HelpDesk.Sdk.Capabilities;
using HelpDesk.Sdk.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace HelpDesk.Connectors.Erp.Tests;

public sealed class OptionsTests
{
    private const string SecretKey = "0123456789abcdef-secret";

    private static readonly Dictionary<string, string?> Minimal = new()
    {
        ["BaseUrl"] = "https://northwind.odoo.example.com",
        ["Database"] = "northwind-erp",
        ["User"] = "helpdesk-bot@example.com",
        ["ApiKey"] = SecretKey,
    };

    [Theory]
    [InlineData("BaseUrl", "not a url", "erp: BaseUrl must be")]
    [InlineData("BaseUrl", "ftp://odoo.example.com", "erp: BaseUrl must be")]
    [InlineData("BaseUrl", "https://odoo.example.com/web?db=x", "erp: BaseUrl must be")]
    [InlineData("Database", " ", "erp: Database is required")]
    [InlineData("User", null, "erp: User is required")]
    [InlineData("ApiKey", "", "erp: ApiKey is required")]
    [InlineData("Protocol", "xmlrpc", "erp: Protocol 'xmlrpc' must be jsonrpc or json2")]
    [InlineData("OrderLimit", "0", "erp: OrderLimit '0' must be a whole number from 1 to 100")]
    [InlineData("InvoiceLimit", "many", "erp: InvoiceLimit 'many' must be")]
    [InlineData("RequestTimeout", "forever", "erp: RequestTimeout 'forever' must be a duration")]
    [InlineData("MaxRetryWait", "00:05:00", "erp: MaxRetryWait '00:05:00' must be a duration")]
    public void An_unusable_setting_fails_the_load_naming_its_key_and_never_the_api_key(string key, string? value, string message)
    {
        var settings = new Dictionary<string, string?>(Minimal) { [key] = value };

        var failure = Assert.Throws<InvalidOperationException>(() => ErpOptions.From(Section(settings)));

        Assert.StartsWith(message, failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(SecretKey, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Defaults_follow_the_contract()
    {
        var options = ErpOptions.From(Section(Minimal));

        Assert.Equal(new Uri("https://northwind.odoo.example.com/"), options.BaseUrl);
        Assert.Equal(OdooProtocol.JsonRpc, options.Protocol);
        Assert.Equal((5, 20), (options.OrderLimit, options.InvoiceLimit));
        Assert.Equal(TimeSpan.FromSeconds(10), options.RequestTimeout);
        Assert.Equal(TimeSpan.FromSeconds(5), options.MaxRetryWait);
        Assert.Equal("https://northwind.odoo.example.com/web#id=7&model=sale.order&view_type=form", options.RecordUrl("sale.order", 7));
    }

    [Fact]
    public void A_context_path_and_the_json2_protocol_are_kept()
    {
        var options = ErpOptions.From(Section(new(Minimal) { ["BaseUrl"] = "https://erp.example.com/odoo", ["Protocol"] = "JSON2", ["OrderLimit"] = "3" }));

        Assert.Equal("https://erp.example.com/odoo/web#id=9&model=account.move&view_type=form", options.RecordUrl("account.move", 9));
        Assert.Equal(OdooProtocol.Json2, options.Protocol);
        Assert.Equal(3, options.OrderLimit);
    }

    [Fact]
    public async Task Installed_without_settings_it_loads_as_the_odoo_provider_finds_nothing_and_shows_the_admin_what_is_missing()
    {
        await using var harness = new PluginHarness<ErpPlugin>(pluginId: "erp");
        var provider = harness.Services.GetRequiredService<IBusinessRecordsProvider>();

        var records = await provider.FindRecordsAsync(new BusinessRecordQuery("ana@example.com"), TestContext.Current.CancellationToken);

        Assert.Empty(records);
        Assert.Equal("odoo", provider.Name);
        Assert.Contains("HelpDesk:Plugins:erp:BaseUrl", Assert.Single(harness.State.Problems).Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Configured_it_registers_one_provider_named_odoo()
    {
        await using var harness = new PluginHarness<ErpPlugin>(Minimal, pluginId: "erp");

        var provider = Assert.Single(harness.Services.GetServices<IBusinessRecordsProvider>());

        Assert.Equal("odoo", provider.Name);
    }

    private static IConfiguration Section(Dictionary<string, string?> settings) => new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
}

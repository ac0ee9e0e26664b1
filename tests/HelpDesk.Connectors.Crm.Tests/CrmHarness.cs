using HelpDesk.Connectors.Crm.Hosting;
using HelpDesk.Sdk.Capabilities;
using HelpDesk.Sdk.Testing;
using HelpDesk.TestSupport.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HelpDesk.Connectors.Crm.Tests;

/// <summary>The CRM plugin loaded as the hub loads it, configured for a <see cref="FakeHubSpot"/> with short timeouts.</summary>
internal static class CrmHarness
{
    public const string PortalId = "4711";

    public static PluginHarness<CrmPlugin> For(FakeHubSpot hubSpot, Dictionary<string, string?>? more = null, CapturedLogs? logs = null, TimeProvider? clock = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["BaseUrl"] = hubSpot.BaseUrl.AbsoluteUri,
            ["AccessToken"] = FakeHubSpot.Token,
            ["PortalId"] = PortalId,
            ["RequestTimeout"] = "00:00:02",
            ["MaxRetryWait"] = "00:00:02",
        };
        foreach (var (key, value) in more ?? [])
        {
            settings[key] = value;
        }

        return new(settings, clock, configureServices: logs is null ? null : services => services.AddLogging(l => l.SetMinimumLevel(LogLevel.Trace).AddProvider(logs)), pluginId: "crm");
    }

    public static ICustomerContextProvider Provider(this PluginHarness<CrmPlugin> harness) => harness.Services.GetRequiredService<ICustomerContextProvider>();

    public static Task<CustomerProfile?> FindAsync(this PluginHarness<CrmPlugin> harness, string email) =>
        harness.Provider().FindCustomerAsync(new CustomerLookup(email), TestContext.Current.CancellationToken);
}

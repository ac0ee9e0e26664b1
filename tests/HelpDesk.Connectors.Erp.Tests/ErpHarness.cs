using HelpDesk.Connectors.Erp.Hosting;
using HelpDesk.Sdk.Capabilities;
using HelpDesk.Sdk.Testing;
using HelpDesk.TestSupport.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace HelpDesk.Connectors.Erp.Tests;

/// <summary>The erp plugin loaded as the hub loads it, configured for a <see cref="FakeOdoo"/>, on a fake clock.</summary>
internal static class ErpHarness
{
    /// <summary>"Today" for the tests: INV/2026/00771 (due 30 October) is overdue, INV/2026/00905 (due 4 December) not yet.</summary>
    public static readonly DateTimeOffset Today = new(2026, 11, 23, 8, 30, 0, TimeSpan.Zero);

    public static Dictionary<string, string?> Settings(FakeOdoo odoo, Dictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["BaseUrl"] = odoo.BaseUrl.AbsoluteUri,
            ["Database"] = FakeOdoo.Database,
            ["User"] = FakeOdoo.User,
            ["ApiKey"] = FakeOdoo.ApiKey,
        };
        foreach (var (key, value) in more ?? [])
        {
            settings[key] = value;
        }

        return settings;
    }

    public static PluginHarness<ErpPlugin> For(FakeOdoo odoo, Dictionary<string, string?>? more = null, FakeTimeProvider? clock = null, LogRecorder? logs = null) =>
        new(Settings(odoo, more), clock ?? new FakeTimeProvider(Today), logs is null ? null : services => Record(services, logs), pluginId: "erp");

    public static IBusinessRecordsProvider Records(this PluginHarness<ErpPlugin> harness) => harness.Services.GetRequiredService<IBusinessRecordsProvider>();

    public static Task<IReadOnlyList<BusinessRecord>> FindAsync(this PluginHarness<ErpPlugin> harness, BusinessRecordQuery query) =>
        harness.Records().FindRecordsAsync(query, TestContext.Current.CancellationToken);

    public static Task<IReadOnlyList<BusinessRecord>> FindAsync(this PluginHarness<ErpPlugin> harness, string email = Northwind.AnaEmail) =>
        harness.FindAsync(new BusinessRecordQuery(email));

    private static void Record(IServiceCollection services, LogRecorder logs)
    {
        services.AddSingleton<ILoggerProvider>(logs);
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace));
    }
}

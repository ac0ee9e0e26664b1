using HelpDesk.Connectors.Monitoring.Hosting;
using HelpDesk.Sdk;
using HelpDesk.Sdk.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace HelpDesk.Connectors.Monitoring.Tests;

internal static class Harnesses
{
    public const string PluginId = "monitoring";

    public static PluginHarness<MonitoringPlugin> With(IReadOnlyDictionary<string, string?>? settings = null, TimeProvider? time = null, IHelpDeskApi? hub = null) =>
        new(settings ?? Settings.All(), time, hub is null ? null : services => services.AddSingleton(hub), PluginId);
}

using HelpDesk.Connectors.Monitoring.Alertmanager;
using HelpDesk.Connectors.Monitoring.Events;
using HelpDesk.Connectors.Monitoring.Generic;
using HelpDesk.Connectors.Monitoring.Grafana;
using HelpDesk.Connectors.Monitoring.Reporting;
using HelpDesk.Sdk;
using HelpDesk.Sdk.Capabilities;
using Microsoft.Extensions.DependencyInjection;

namespace HelpDesk.Connectors.Monitoring.Hosting;

/// <summary>
/// Receives monitoring notifications at <c>/hooks/monitoring/{alertmanager|grafana|events|generic}</c> and reports each
/// alert in them to the hub as an alert signal; the hub decides what that does to tickets.
/// </summary>
public sealed class MonitoringPlugin : IHelpDeskPlugin
{
    /// <inheritdoc/>
    public void Register(PluginContext context)
    {
        var options = MonitoringOptions.From(context.Configuration);
        context.Services.AddSingleton(options.Alertmanager);
        context.Services.AddSingleton(options.Grafana);
        context.Services.AddSingleton(options.Events);
        context.Services.AddSingleton(options.Generic);
        context.Services.AddSingleton<SignalReporter>();
        context.Services.AddSingleton<IMonitoringEndpoint, AlertmanagerEndpoint>();
        context.Services.AddSingleton<IMonitoringEndpoint, GrafanaEndpoint>();
        context.Services.AddSingleton<IMonitoringEndpoint, EventsEndpoint>();
        context.Services.AddSingleton<IMonitoringEndpoint, GenericEndpoint>();
        context.Services.AddSingleton<IWebhookReceiver, MonitoringReceiver>();
    }
}

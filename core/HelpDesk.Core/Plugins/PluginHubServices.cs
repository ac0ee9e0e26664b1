using HelpDesk.Core.Alerts;
using HelpDesk.Core.Attachments;
using HelpDesk.Core.Meetings;
using HelpDesk.Core.Messages;
using HelpDesk.Core.Queries;
using HelpDesk.Core.Storage;
using HelpDesk.Core.Tickets;
using HelpDesk.Core.Plugins.Capabilities;
using HelpDesk.Sdk;
using HelpDesk.Sdk.Capabilities;
using Microsoft.Extensions.DependencyInjection;

namespace HelpDesk.Core.Plugins;

/// <summary>What the hub hands each plugin: its <see cref="IHelpDeskApi"/> and its <see cref="IPluginState"/>.</summary>
public sealed class PluginHubServices(
    TicketCommands commands, AlertCommands alerts, TicketQueries queries, MessageIndex messages, MeetingIndex meetings, AttachmentStore attachments,
    Database database, TimeProvider time, IServiceProvider services)
{
    public IHelpDeskApi ApiFor(string pluginId) => new PluginHelpDeskApi(
        pluginId, commands, alerts, queries, messages, meetings, attachments,
        // Looked up at the call: the catalog needs the plugin host, which is built with these services.
        provider => services.GetRequiredService<PluginCapabilityCatalog>().Find<IMeetingProvider>(provider)?.PluginId == pluginId);

    public IPluginState StateFor(string pluginId) => new PluginStateStore(pluginId, database, time);
}

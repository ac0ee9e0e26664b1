using HelpDesk.Core.Alerts;
using HelpDesk.Core.Attachments;
using HelpDesk.Core.Meetings;
using HelpDesk.Core.Messages;
using HelpDesk.Core.Queries;
using HelpDesk.Core.Storage;
using HelpDesk.Core.Tickets;
using HelpDesk.Sdk;

namespace HelpDesk.Core.Plugins;

/// <summary>What the hub hands each plugin: its <see cref="IHelpDeskApi"/> and its <see cref="IPluginState"/>.</summary>
public sealed class PluginHubServices(
    TicketCommands commands, AlertCommands alerts, TicketQueries queries, MessageIndex messages, MeetingIndex meetings, AttachmentStore attachments,
    Database database, TimeProvider time)
{
    public IHelpDeskApi ApiFor(string pluginId) => new PluginHelpDeskApi(pluginId, commands, alerts, queries, messages, meetings, attachments);

    public IPluginState StateFor(string pluginId) => new PluginStateStore(pluginId, database, time);
}

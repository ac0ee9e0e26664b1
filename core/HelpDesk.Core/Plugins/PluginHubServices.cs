using HelpDesk.Core.Alerts;
using HelpDesk.Core.Attachments;
using HelpDesk.Core.Messages;
using HelpDesk.Core.Queries;
using HelpDesk.Core.Storage;
using HelpDesk.Core.Tickets;
using HelpDesk.Sdk;

namespace HelpDesk.Core.Plugins;

/// <summary>What the hub hands each plugin: its <see cref="IHelpDeskApi"/> and its <see cref="IPluginState"/>.</summary>
public sealed class PluginHubServices(
    TicketCommands commands, AlertCommands alerts, TicketQueries queries, MessageIndex messages, AttachmentStore attachments, Database database, TimeProvider time)
{
    public TicketCommands Commands => commands;

    public AlertCommands Alerts => alerts;

    public TicketQueries Queries => queries;

    public MessageIndex Messages => messages;

    public AttachmentStore Attachments => attachments;

    public IHelpDeskApi ApiFor(string pluginId) => new PluginHelpDeskApi(pluginId, this);

    public IPluginState StateFor(string pluginId) => new PluginStateStore(pluginId, database, time);
}

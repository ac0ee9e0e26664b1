using HelpDesk.Sdk;
using HelpDesk.Sdk.Capabilities;
using Microsoft.Extensions.DependencyInjection;

namespace HelpDesk.Samples.TeamChat;

/// <summary>
/// Tells a team's chat channel about urgent tickets (through the channel's incoming webhook) and lets the team answer
/// from the chat: signed replies posted to <c>/hooks/team-chat/replies</c> land on the ticket.
/// </summary>
public sealed class TeamChatPlugin : IHelpDeskPlugin
{
    /// <inheritdoc/>
    public void Register(PluginContext context)
    {
        var options = TeamChatOptions.From(context.Configuration);
        context.Services.AddSingleton(options);
        context.Services.AddSingleton<ChatWebhookClient>();
        context.Services.AddSingleton<ITicketEventHandler, UrgentTicketNotifier>();
        context.Services.AddSingleton<IWebhookReceiver, ChatReplyReceiver>();
    }
}

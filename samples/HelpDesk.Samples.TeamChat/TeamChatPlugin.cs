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
    /// <summary>How long one post to the chat may take; well inside the hub's per-call timeout (10 s by default).</summary>
    public static readonly TimeSpan PostTimeout = TimeSpan.FromSeconds(5);

    /// <inheritdoc/>
    public void Register(PluginContext context)
    {
        var options = TeamChatOptions.From(context.Configuration);
        context.Services.AddSingleton(options);
        context.Services.AddSingleton<PostedEvents>();
        context.Services.AddHttpClient<ChatWebhookClient>(http => http.Timeout = PostTimeout);

        // Transient, so each delivery gets a typed client whose handler the factory rotates; the state that must
        // outlive a delivery (what was already posted) is the singleton PostedEvents.
        context.Services.AddTransient<ITicketEventHandler, UrgentTicketNotifier>();
        context.Services.AddSingleton<IWebhookReceiver, ChatReplyReceiver>();
    }
}

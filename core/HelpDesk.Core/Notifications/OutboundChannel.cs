using HelpDesk.Core.Plugins.Capabilities;
using HelpDesk.Sdk.Capabilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HelpDesk.Core.Notifications;

/// <summary>
/// The outbound channel notifications and reports are sent through (<c>HelpDesk:Notifications:Channel</c>), found
/// among the running plugins at each send: the plugin host is built after the core's services (and with the feed's
/// subscribers), and a plugin may be reloaded or stopped between two sends.
/// </summary>
public sealed class OutboundChannel(IServiceProvider services, IOptions<NotificationOptions> options)
{
    /// <summary>The configured channel's name (<c>email</c>).</summary>
    public string Name => options.Value.Channel;

    /// <summary>The running plugin offering the channel, or null when none does now.</summary>
    public PluginCapability<IOutboundChannel>? Find() => services.GetRequiredService<PluginCapabilityCatalog>().Find<IOutboundChannel>(Name);
}

using HelpDesk.Sdk.Capabilities;

namespace HelpDesk.Connectors.Email.Hosting;

/// <summary>
/// The channel without SMTP settings: every send fails with what to set. Not an outage (nothing will change by
/// itself), so the hub sets the message aside after its attempts rather than waiting on it.
/// </summary>
internal sealed class UnconfiguredChannel : IOutboundChannel
{
    public const string Problem = "The email plugin has no SMTP server: set HelpDesk:Plugins:email:Smtp:Host and Smtp:From.";

    public string Name => "email";

    public Task<OutboundReceipt> SendAsync(OutboundMessage message, CancellationToken cancellationToken) => throw new InvalidOperationException(Problem);
}

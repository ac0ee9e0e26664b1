using HelpDesk.Sdk;
using HelpDesk.Sdk.Capabilities;

namespace HelpDesk.Connectors.Zoom.Hosting;

/// <summary>
/// The plugin as installed but not yet set up (no <c>AccountId</c>, <c>ClientId</c> or <c>ClientSecret</c>): it runs,
/// so the hub lists it, and says what is missing on every use, on the call and on the plugin's admin status, instead
/// of failing the hub's start-up. Meetings fail (and the hub retries them, so setting it up later lets them through);
/// webhooks are refused.
/// </summary>
internal sealed class UnconfiguredZoom(IPluginState state) : IMeetingProvider, IWebhookReceiver
{
    public const string ProblemKey = "configuration";

    public const string Problem = "The zoom plugin is not configured: set HelpDesk:Plugins:zoom:AccountId, ClientId and ClientSecret "
        + "(a Server-to-Server OAuth app) and WebhookSecret (the app's webhook Secret Token).";

    public string Name => ZoomPlugin.ProviderName;

    public async Task<ScheduledMeeting> ScheduleMeetingAsync(MeetingRequest request, CancellationToken cancellationToken)
    {
        await state.ReportProblemAsync(ProblemKey, Problem, cancellationToken);
        throw new InvalidOperationException(Problem);
    }

    public async Task<WebhookResponse> ReceiveAsync(WebhookRequest request, CancellationToken cancellationToken)
    {
        await state.ReportProblemAsync(ProblemKey, Problem, cancellationToken);
        return WebhookResponse.Unauthorized(Problem);
    }
}

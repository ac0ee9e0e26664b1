using System.Net.Http.Headers;
using HelpDesk.Connectors.Zoom.Api;
using HelpDesk.Connectors.Zoom.Meetings;
using HelpDesk.Connectors.Zoom.Webhooks;
using HelpDesk.Sdk;
using HelpDesk.Sdk.Capabilities;
using Microsoft.Extensions.DependencyInjection;

namespace HelpDesk.Connectors.Zoom.Hosting;

/// <summary>
/// Schedules Zoom meetings for tickets (<c>meeting-provider</c> "zoom") and records meetings started, ended and
/// recorded on them from Zoom's webhooks at <c>/hooks/zoom</c>.
/// </summary>
public sealed class ZoomPlugin : IHelpDeskPlugin
{
    /// <summary>The provider's name, as the hub and <see cref="MeetingUpdate.Provider"/> know it.</summary>
    public const string ProviderName = "zoom";

    /// <inheritdoc/>
    public void Register(PluginContext context)
    {
        if (!ZoomOptions.IsConfigured(context.Configuration))
        {
            context.Services.AddSingleton<UnconfiguredZoom>();
            context.Services.AddSingleton<IMeetingProvider>(services => services.GetRequiredService<UnconfiguredZoom>());
            context.Services.AddSingleton<IWebhookReceiver>(services => services.GetRequiredService<UnconfiguredZoom>());
            return;
        }

        var options = ZoomOptions.From(context.Configuration);
        context.Services.AddSingleton(options);
        context.Services
            .AddHttpClient<ZoomOAuthClient>(http => Identify(http))
            .AddResilienceHandler("zoom-oauth", pipeline => ZoomRetries.ConfigureToken(pipeline, options));
        context.Services
            .AddHttpClient<ZoomClient>(http =>
            {
                http.BaseAddress = options.ApiBaseUrl;
                Identify(http);
            })
            .AddResilienceHandler("zoom-api", (pipeline, handler) => ZoomRetries.ConfigureApi(pipeline, options, handler.ServiceProvider.GetRequiredService<TimeProvider>()));
        context.Services.AddSingleton<ZoomAccessTokens>();
        context.Services.AddSingleton<IMeetingProvider, ZoomMeetingProvider>();
        context.Services.AddSingleton<IWebhookReceiver, ZoomWebhookReceiver>();
    }

    private static void Identify(HttpClient http)
    {
        http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("HelpDesk-Zoom", "0.1"));
    }
}

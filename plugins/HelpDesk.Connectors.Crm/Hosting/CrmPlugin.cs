using System.Net.Http.Headers;
using HelpDesk.Connectors.Crm.Customers;
using HelpDesk.Connectors.Crm.HubSpot;
using HelpDesk.Sdk;
using HelpDesk.Sdk.Capabilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HelpDesk.Connectors.Crm.Hosting;

/// <summary>
/// Tells the hub who a requester is from HubSpot CRM (<c>customer-context-provider</c> "hubspot"): the contact found
/// by email, its primary company, tier, VIP, segment, region, owner, language and time zone, mapped through the
/// configured property names.
/// </summary>
public sealed class CrmPlugin : IHelpDeskPlugin
{
    /// <inheritdoc/>
    public void Register(PluginContext context)
    {
        if (string.IsNullOrWhiteSpace(context.Configuration["AccessToken"]))
        {
            context.Services.AddSingleton<ICustomerContextProvider>(services => new UnconfiguredCrm(context.PluginId, services.GetRequiredService<IPluginState>()));
            return;
        }

        var options = HubSpotOptions.From(context.Configuration);
        context.Services.AddSingleton(options);
        context.Services.AddSingleton(ProfileMapping.From(context.Configuration, HubSpotMapping.Defaults));
        context.Services
            .AddHttpClient(HubSpotApi.ClientName, http =>
            {
                http.BaseAddress = options.BaseUrl;
                http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
                http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", options.AccessToken);
                http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("HelpDesk-Crm", "0.1"));
            })
            // Header values reach logs only at Trace, but the token must never: redacted whatever the log level.
            .RedactLoggedHeaders(["Authorization"])
            .AddResilienceHandler("hubspot", (pipeline, handler) => HubSpotRetries.Configure(
                pipeline,
                options,
                handler.ServiceProvider.GetRequiredService<TimeProvider>(),
                handler.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(HubSpotRetries).FullName!)));
        context.Services.AddSingleton<DailyLimitGate>();
        context.Services.AddSingleton<HubSpotApi>();
        context.Services.AddSingleton<ICrmDirectory, HubSpotDirectory>();
        context.Services.AddSingleton<ICustomerContextProvider, CrmCustomerContextProvider>();
    }
}

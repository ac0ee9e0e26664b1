using System.Net.Http.Headers;
using HelpDesk.Connectors.Erp.Api;
using HelpDesk.Connectors.Erp.Records;
using HelpDesk.Sdk;
using HelpDesk.Sdk.Capabilities;
using Microsoft.Extensions.DependencyInjection;

namespace HelpDesk.Connectors.Erp.Hosting;

/// <summary>
/// Shows a requester's recent sale orders and open invoices from Odoo (<c>business-records-provider</c> "odoo"),
/// over Odoo's JSON-RPC API or, on Odoo 19+, JSON-2.
/// </summary>
public sealed class ErpPlugin : IHelpDeskPlugin
{
    /// <summary>The provider's name, shown by the hub as the records' source.</summary>
    public const string ProviderName = "odoo";

    /// <inheritdoc/>
    public void Register(PluginContext context)
    {
        if (string.IsNullOrWhiteSpace(context.Configuration["BaseUrl"]))
        {
            context.Services.AddSingleton<IBusinessRecordsProvider>(services => new UnconfiguredErp(services.GetRequiredService<IPluginState>()));
            return;
        }

        var options = ErpOptions.From(context.Configuration);
        context.Services.AddSingleton(options);
        context.Services
            .AddHttpClient(OdooTransport.ClientName, http =>
            {
                http.BaseAddress = options.BaseUrl;
                http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
                http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("HelpDesk-Erp", "0.1"));
            })
            .AddResilienceHandler("odoo", pipeline => OdooRetries.Configure(pipeline, options));
        context.Services.AddSingleton<OdooTransport>();
        if (options.Protocol == OdooProtocol.Json2)
        {
            context.Services.AddSingleton<IOdooClient, Json2Client>();
        }
        else
        {
            context.Services.AddSingleton<IOdooClient, JsonRpcClient>();
        }

        context.Services.AddSingleton<OdooRecordMapper>();
        context.Services.AddSingleton<IBusinessRecordsProvider, OdooRecordsProvider>();
    }
}

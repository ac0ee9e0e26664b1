using HelpDesk.Sdk;
using HelpDesk.Sdk.Capabilities;

namespace HelpDesk.Connectors.Crm.Hosting;

/// <summary>
/// The plugin as installed but not yet set up (no <c>AccessToken</c>): it runs, so the hub lists it, knows nobody, and
/// shows the admin what to set as a plugin problem. Failing each lookup instead would mark every ticket's context stale
/// in a hub that simply has no CRM yet.
/// </summary>
internal sealed class UnconfiguredCrm(string pluginId, IPluginState state) : ICustomerContextProvider
{
    public string Name => "hubspot";

    public string Problem { get; } =
        $"The {pluginId} plugin is not configured: set HelpDesk:Plugins:{pluginId}:AccessToken to a HubSpot private app's access token "
        + "(scopes crm.objects.contacts.read and crm.objects.companies.read).";

    public async Task<CustomerProfile?> FindCustomerAsync(CustomerLookup lookup, CancellationToken cancellationToken)
    {
        await state.ReportProblemAsync("configuration", Problem, cancellationToken);
        return null;
    }
}

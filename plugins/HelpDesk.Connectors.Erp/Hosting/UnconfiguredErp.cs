using HelpDesk.Sdk;
using HelpDesk.Sdk.Capabilities;

namespace HelpDesk.Connectors.Erp.Hosting;

/// <summary>
/// The plugin as installed but not yet set up (no <c>BaseUrl</c>): it runs, so the hub lists it, finds no records, and
/// shows the admin what to set as a plugin problem. Failing each lookup instead would mark every ticket's context stale
/// in a hub that simply has no ERP yet.
/// </summary>
internal sealed class UnconfiguredErp(IPluginState state) : IBusinessRecordsProvider
{
    public const string Problem = "The erp plugin is not configured: set HelpDesk:Plugins:erp:BaseUrl, Database, User and ApiKey.";

    public string Name => ErpPlugin.ProviderName;

    public async Task<IReadOnlyList<BusinessRecord>> FindRecordsAsync(BusinessRecordQuery query, CancellationToken cancellationToken)
    {
        await state.ReportProblemAsync("configuration", Problem, cancellationToken);
        return [];
    }
}

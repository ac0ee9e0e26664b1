namespace HelpDesk.Sdk.Capabilities;

/// <summary>
/// Finds a customer's business records (an ERP): orders, invoices, subscriptions. Several providers may be active;
/// the hub lists their records together, each with its provider's <see cref="INamedCapability.Name"/> as the source.
/// </summary>
public interface IBusinessRecordsProvider : INamedCapability
{
    /// <summary>The records matching the query, newest first; empty when there are none or the customer is unknown.</summary>
    /// <param name="query">Whose records, and which.</param>
    /// <param name="cancellationToken">Signalled at the call's timeout or when the plugin is unloaded.</param>
    Task<IReadOnlyList<BusinessRecord>> FindRecordsAsync(BusinessRecordQuery query, CancellationToken cancellationToken);
}

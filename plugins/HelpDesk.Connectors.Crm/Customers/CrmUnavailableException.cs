namespace HelpDesk.Connectors.Crm.Customers;

/// <summary>
/// The CRM could not answer a lookup. The message says which request and why, for an admin (the hub shows it as the
/// reason the customer context is stale); it never holds a credential.
/// </summary>
internal sealed class CrmUnavailableException(string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>The HTTP status the CRM answered, or null when none came (timeout, refused connection, open circuit).</summary>
    public int? Status { get; init; }

    /// <summary>The CRM's id for the failed request (HubSpot's <c>correlationId</c>), for its support.</summary>
    public string? CorrelationId { get; init; }
}

namespace HelpDesk.Sdk.Capabilities;

/// <summary>
/// Tells the hub who a customer is (a CRM). Several providers may be active; the hub merges their profiles, noting each
/// one's <see cref="INamedCapability.Name"/> as the source. The hub calls it off the request path and caches answers.
/// </summary>
public interface ICustomerContextProvider : INamedCapability
{
    /// <summary>The customer's profile, or null when the provider does not know them (not an error).</summary>
    /// <param name="lookup">Who to look for.</param>
    /// <param name="cancellationToken">Signalled at the call's timeout or when the plugin is unloaded.</param>
    Task<CustomerProfile?> FindCustomerAsync(CustomerLookup lookup, CancellationToken cancellationToken);
}

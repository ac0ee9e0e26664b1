using HelpDesk.Sdk.Capabilities;

namespace HelpDesk.Fixtures.CapabilitiesPlugin;

/// <summary>Knows one customer, <c>vip@example.com</c>.</summary>
public sealed class FixtureCustomers(string name) : ICustomerContextProvider
{
    /// <inheritdoc/>
    public string Name => name;

    /// <inheritdoc/>
    public Task<CustomerProfile?> FindCustomerAsync(CustomerLookup lookup, CancellationToken cancellationToken) =>
        Task.FromResult(lookup.Email == "vip@example.com"
            ? new CustomerProfile(lookup.Email) { Company = "Contoso", Tier = "vip", IsVip = true, LifetimeValue = new Money(125_000m, "EUR") }
            : null);
}

using HelpDesk.Sdk.Capabilities;

namespace HelpDesk.Connectors.Crm.Customers;

/// <summary>
/// The capability the hub calls: looks the requester up in the CRM and maps what it finds. Not knowing someone is an
/// answer (null); a CRM that cannot answer throws <see cref="CrmUnavailableException"/>, and the hub shows the ticket
/// without context, with that message as the reason.
/// </summary>
internal sealed class CrmCustomerContextProvider(ICrmDirectory crm, ProfileMapping mapping) : ICustomerContextProvider
{
    public string Name => crm.System;

    public async Task<CustomerProfile?> FindCustomerAsync(CustomerLookup lookup, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(lookup.Email))
        {
            return null;
        }

        var found = await crm.FindByEmailAsync(lookup.Email.Trim(), mapping.Properties, cancellationToken);
        return found is null ? null : ProfileMapper.Map(lookup.Email.Trim(), found, mapping, crm.System);
    }
}

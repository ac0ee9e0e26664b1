namespace HelpDesk.Connectors.Crm.Customers;

/// <summary>
/// A CRM as the profile mapping sees it: find a contact by email with its primary company, and hand back their
/// properties by the CRM's own names. HubSpot is one; Salesforce or Dynamics would be another small client behind
/// the same <see cref="ProfileMapper"/>.
/// </summary>
internal interface ICrmDirectory
{
    /// <summary>The system's name: the provider's name the hub shows as provenance, and on links (<c>hubspot</c>).</summary>
    string System { get; }

    /// <summary>The contact with this email and its primary company, or null when the CRM has no such contact.</summary>
    /// <param name="email">The address to look for; CRMs compare it case-insensitively.</param>
    /// <param name="properties">The properties the mapping reads, besides each CRM's own name fields.</param>
    /// <param name="cancellationToken">Signalled at the hub's call timeout.</param>
    /// <exception cref="CrmUnavailableException">The CRM could not answer; the message is safe to show an admin.</exception>
    Task<CrmCustomer?> FindByEmailAsync(string email, CrmProperties properties, CancellationToken cancellationToken);
}

namespace HelpDesk.Connectors.Crm.Customers;

/// <summary>Which properties to fetch, by the CRM's internal names, so a lookup reads only what the mapping uses.</summary>
/// <param name="Contact">Properties of the contact.</param>
/// <param name="Company">Properties of the company.</param>
internal sealed record CrmProperties(IReadOnlyList<string> Contact, IReadOnlyList<string> Company);

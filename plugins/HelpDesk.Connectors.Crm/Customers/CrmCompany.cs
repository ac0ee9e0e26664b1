namespace HelpDesk.Connectors.Crm.Customers;

/// <summary>An organisation in a CRM (a HubSpot company, a Salesforce account).</summary>
/// <param name="Id">The record's id in the CRM.</param>
/// <param name="Name">Its name.</param>
/// <param name="Url">Where a person opens the record, when the CRM's address is known.</param>
/// <param name="Properties">The requested properties; a missing or null one has no value.</param>
internal sealed record CrmCompany(string Id, string? Name, Uri? Url, IReadOnlyDictionary<string, string?> Properties);

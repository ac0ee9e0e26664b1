namespace HelpDesk.Connectors.Crm.Customers;

/// <summary>A person in a CRM, with the name fields every CRM has and the mapped properties by the CRM's own names.</summary>
/// <param name="Id">The record's id in the CRM.</param>
/// <param name="FirstName">Given name.</param>
/// <param name="LastName">Family name.</param>
/// <param name="CompanyText">The company the person typed (a free-text field), not the associated company record.</param>
/// <param name="Url">Where a person opens the record, when the CRM's address is known.</param>
/// <param name="Properties">The requested properties; a missing or null one has no value.</param>
internal sealed record CrmContact(string Id, string? FirstName, string? LastName, string? CompanyText, Uri? Url, IReadOnlyDictionary<string, string?> Properties);

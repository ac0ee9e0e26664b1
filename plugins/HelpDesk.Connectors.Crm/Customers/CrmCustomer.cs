namespace HelpDesk.Connectors.Crm.Customers;

/// <summary>A contact and, when it has one, its primary company.</summary>
internal sealed record CrmCustomer(CrmContact Contact, CrmCompany? Company);

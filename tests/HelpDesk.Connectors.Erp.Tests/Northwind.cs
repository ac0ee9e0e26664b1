using HelpDesk.TestSupport.Fakes;

namespace HelpDesk.Connectors.Erp.Tests;

/// <summary>
/// The contract's customer in a <see cref="FakeOdoo"/>: Northwind (41) with Ana (42, the requester) and Ben (43),
/// six orders between them, open, paid, refunded and draft invoices, and another company whose records must not show.
/// </summary>
internal sealed record Northwind(int Company, int Ana, int Ben, int Contoso)
{
    public const string AnaEmail = "ana.mueller@northwind.example.com";

    /// <summary>What the requester sees with the default limits, newest first.</summary>
    public static readonly string[] Expected =
        ["S00334", "INV/2026/00905", "S00318", "S00301", "RINV/2026/00012", "INV/2026/00771", "S00280", "S00255"];

    public static Northwind Seed(FakeOdoo odoo)
    {
        var company = odoo.AddCompany("Northwind Analytics GmbH");
        var ana = odoo.AddContact(AnaEmail, "Ana Müller", company);
        var ben = odoo.AddContact("ben.ortiz@northwind.example.com", "Ben Ortiz", company);
        var contoso = odoo.AddCompany("Contoso Ltd");
        var carla = odoo.AddContact("carla@contoso.example.com", "Carla Diaz", contoso);

        odoo.AddOrder(company, "S00318", "sale", new DateTime(2026, 11, 3, 9, 14, 27), 18450.00m, invoiceStatus: "invoiced");
        odoo.AddOrder(ana, "S00334", "sent", new DateTime(2026, 11, 19, 15, 40, 2), 2380.50m);
        odoo.AddOrder(ben, "S00301", "sale", new DateTime(2026, 10, 12, 8, 0, 0), 990.00m, invoiceStatus: "to invoice");
        odoo.AddOrder(company, "S00280", "sale", new DateTime(2026, 8, 1, 10, 0, 0), 120.00m, invoiceStatus: "invoiced");
        odoo.AddOrder(ana, "S00255", "cancel", new DateTime(2026, 6, 15, 12, 30, 0), 75.25m);
        odoo.AddOrder(company, "S00201", "sale", new DateTime(2026, 1, 20, 7, 45, 0), 5000.00m, invoiceStatus: "invoiced");
        odoo.AddOrder(carla, "S00400", "sale", new DateTime(2026, 11, 20, 11, 0, 0), 640.00m, "USD");

        odoo.AddInvoice(company, "INV/2026/00905", "not_paid", 18450.00m, 18450.00m, new DateOnly(2026, 11, 4), new DateOnly(2026, 12, 4), origin: "S00318");
        odoo.AddInvoice(company, "INV/2026/00771", "partial", 5200.00m, 1200.00m, new DateOnly(2026, 9, 30), new DateOnly(2026, 10, 30));
        odoo.AddInvoice(ana, "INV/2026/00650", "paid", 300.00m, 0m, new DateOnly(2026, 7, 1), new DateOnly(2026, 7, 31));
        odoo.AddInvoice(company, "RINV/2026/00012", "not_paid", 150.00m, 150.00m, new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 1), moveType: "out_refund");
        odoo.AddInvoice(company, "INV/2026/00999", "not_paid", 99.00m, 99.00m, new DateOnly(2026, 11, 20), new DateOnly(2026, 12, 20), state: "draft");
        odoo.AddInvoice(carla, "INV/2026/00950", "not_paid", 640.00m, 640.00m, new DateOnly(2026, 11, 21), new DateOnly(2026, 11, 22), "USD");
        return new Northwind(company, ana, ben, contoso);
    }
}

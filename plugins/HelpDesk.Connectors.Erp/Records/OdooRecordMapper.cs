using System.Globalization;
using System.Text.Json.Nodes;
using HelpDesk.Connectors.Erp.Hosting;
using HelpDesk.Sdk.Capabilities;

namespace HelpDesk.Connectors.Erp.Records;

/// <summary>Odoo's <c>sale.order</c> and <c>account.move</c> rows as the hub's business records.</summary>
internal sealed class OdooRecordMapper(ErpOptions options)
{
    /// <summary>Payment states of an invoice with money still owed: the open ones, overdue once past their due date.</summary>
    public static readonly IReadOnlyList<string> UnpaidStates = ["not_paid", "partial"];

    public BusinessRecord Order(JsonObject row)
    {
        var id = OdooValues.Id(row["id"]) ?? 0;
        return new BusinessRecord(BusinessRecordKind.Order, Text(id), OdooValues.Text(row["name"]) ?? Text(id), OdooValues.Text(row["state"]) ?? "unknown")
        {
            Total = OdooValues.Money(row["amount_total"], row["currency_id"]),
            Date = OdooValues.UtcDateTime(row["date_order"]),
            Url = options.RecordUrl("sale.order", id),
            Attributes = Attributes(("invoice_status", OdooValues.Text(row["invoice_status"]))),
        };
    }

    /// <param name="today">The hub's date, for telling overdue invoices.</param>
    public BusinessRecord Invoice(JsonObject row, DateOnly today)
    {
        var id = OdooValues.Id(row["id"]) ?? 0;
        var paymentState = OdooValues.Text(row["payment_state"]);
        var moveType = OdooValues.Text(row["move_type"]);
        var due = OdooValues.Date(row["invoice_date_due"]);
        // A credit note past its date is money owed to the customer, not by them: never "overdue".
        var overdue = moveType == "out_invoice" && paymentState is not null && UnpaidStates.Contains(paymentState) && due < today;
        return new BusinessRecord(BusinessRecordKind.Invoice, Text(id), OdooValues.Text(row["name"]) ?? Text(id), paymentState ?? OdooValues.Text(row["state"]) ?? "unknown")
        {
            Total = OdooValues.Money(row["amount_total"], row["currency_id"]),
            AmountDue = OdooValues.Money(row["amount_residual"], row["currency_id"]),
            Date = OdooValues.StartOfDay(OdooValues.Date(row["invoice_date"])),
            DueAt = OdooValues.StartOfDay(due),
            Url = options.RecordUrl("account.move", id),
            Attributes = Attributes(
                ("move_type", moveType),
                ("invoice_origin", OdooValues.Text(row["invoice_origin"])),
                ("overdue", overdue ? "true" : "false")),
        };
    }

    private static Dictionary<string, string> Attributes(params (string Name, string? Value)[] facts) =>
        facts.Where(f => f.Value is not null).ToDictionary(f => f.Name, f => f.Value!);

    private static string Text(long id) => id.ToString(CultureInfo.InvariantCulture);
}

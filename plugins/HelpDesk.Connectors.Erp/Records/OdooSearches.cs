using System.Text;
using System.Text.Json.Nodes;
using HelpDesk.Connectors.Erp.Api;

namespace HelpDesk.Connectors.Erp.Records;

/// <summary>The three searches of the contract (section 2): the customer's contact, then its company's orders and invoices.</summary>
internal static class OdooSearches
{
    // Enough for one address on a few contacts (the same person at two companies); more would be data to clean up.
    private const int PartnerLimit = 5;

    private static readonly string[] PartnerFields = ["id", "name", "display_name", "email", "is_company", "parent_id", "commercial_partner_id"];
    private static readonly string[] OrderFields = ["name", "state", "date_order", "amount_total", "currency_id", "partner_id", "invoice_status"];
    private static readonly string[] InvoiceFields =
        ["name", "move_type", "state", "payment_state", "amount_total", "amount_residual", "invoice_date", "invoice_date_due", "currency_id", "partner_id", "invoice_origin"];

    public static OdooSearch Partners(string email) =>
        new("res.partner", [Triple("email", "=ilike", Literal(email))], PartnerFields, PartnerLimit);

    /// <param name="companies">The commercial partners' ids: <c>child_of</c> finds what colleagues ordered too.</param>
    public static OdooSearch Orders(IReadOnlyList<long> companies, string? reference, int limit)
    {
        JsonArray domain = [Triple("partner_id", "child_of", Ids(companies))];
        AddReference(domain, reference);
        return new OdooSearch("sale.order", domain, OrderFields, limit, "date_order desc");
    }

    /// <summary>
    /// Posted customer invoices and credit notes still to be paid; with a reference, whatever its payment state, so
    /// an agent asking about a paid invoice sees that it is paid.
    /// </summary>
    public static OdooSearch Invoices(IReadOnlyList<long> companies, string? reference, int limit)
    {
        JsonArray domain =
        [
            Triple("partner_id", "child_of", Ids(companies)),
            Triple("move_type", "in", new JsonArray("out_invoice", "out_refund")),
            Triple("state", "=", "posted"),
        ];
        if (reference is null)
        {
            domain.Add(Triple("payment_state", "in", new JsonArray(OdooRecordMapper.UnpaidStates.Select(s => (JsonNode)s).ToArray())));
        }

        AddReference(domain, reference);
        return new OdooSearch("account.move", domain, InvoiceFields, limit, "invoice_date desc");
    }

    private static void AddReference(JsonArray domain, string? reference)
    {
        if (reference is not null)
        {
            domain.Add(Triple("name", "=ilike", Literal(reference)));
        }
    }

    private static JsonArray Triple(string field, string op, JsonNode value) => [field, op, value];

    // A single id as the contract's fixtures send it; several (one address at two companies) as a list child_of accepts.
    private static JsonNode Ids(IReadOnlyList<long> ids) => ids.Count == 1 ? ids[0] : new JsonArray([.. ids.Select(id => (JsonNode)id)]);

    // =ilike is a pattern (SQL ILIKE): "_" in john_doe@… would match any character, so a stranger's address could match.
    private static string Literal(string text)
    {
        var escaped = new StringBuilder(text.Length + 4);
        foreach (var c in text)
        {
            escaped.Append(c is '\\' or '%' or '_' ? "\\" + c : c.ToString());
        }

        return escaped.ToString();
    }
}

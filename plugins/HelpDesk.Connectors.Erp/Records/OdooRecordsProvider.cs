using HelpDesk.Connectors.Erp.Api;
using HelpDesk.Connectors.Erp.Hosting;
using HelpDesk.Sdk.Capabilities;
using Microsoft.Extensions.Logging;

namespace HelpDesk.Connectors.Erp.Records;

/// <summary>
/// A requester's sale orders and open invoices from Odoo (<c>business-records-provider</c> "odoo"): the contact is
/// found by email, then everything of its company (the commercial partner), so colleagues' orders show too.
/// </summary>
internal sealed class OdooRecordsProvider(IOdooClient odoo, ErpOptions options, OdooRecordMapper mapper, TimeProvider clock, ILogger<OdooRecordsProvider> logger)
    : IBusinessRecordsProvider
{
    public string Name => ErpPlugin.ProviderName;

    public async Task<IReadOnlyList<BusinessRecord>> FindRecordsAsync(BusinessRecordQuery query, CancellationToken cancellationToken)
    {
        var orders = Wants(query, BusinessRecordKind.Order);
        var invoices = Wants(query, BusinessRecordKind.Invoice);
        var email = query.CustomerEmail.Trim();
        if (!(orders || invoices) || query.Limit <= 0 || email.Length == 0)
        {
            return [];
        }

        try
        {
            var companies = await CompaniesAsync(email, cancellationToken);
            if (companies.Count == 0)
            {
                return [];
            }

            var reference = string.IsNullOrWhiteSpace(query.Reference) ? null : query.Reference.Trim();
            var reads = new List<Task<IEnumerable<BusinessRecord>>>();
            if (orders)
            {
                reads.Add(OrdersAsync(companies, reference, Math.Min(options.OrderLimit, query.Limit), cancellationToken));
            }

            if (invoices)
            {
                reads.Add(InvoicesAsync(companies, reference, Math.Min(options.InvoiceLimit, query.Limit), cancellationToken));
            }

            var found = (await Task.WhenAll(reads)).SelectMany(records => records);
            return [.. found.OrderByDescending(r => r.Date ?? DateTimeOffset.MinValue).Take(query.Limit)];
        }
        catch (OdooException e)
        {
            logger.LogWarning("Odoo lookup failed ({Failure}): {Reason}", e.Failure, e.Message);
            throw;
        }
    }

    private static bool Wants(BusinessRecordQuery query, BusinessRecordKind kind) => query.Kinds.Count == 0 || query.Kinds.Contains(kind);

    /// <summary>The commercial partners (companies, or the person when not in one) of every contact with this address.</summary>
    private async Task<IReadOnlyList<long>> CompaniesAsync(string email, CancellationToken cancellationToken)
    {
        var contacts = await odoo.SearchReadAsync(OdooSearches.Partners(email), cancellationToken);
        return [.. contacts
            .Select(c => OdooValues.Many2One(c["commercial_partner_id"])?.Id ?? OdooValues.Id(c["id"]))
            .OfType<long>()
            .Distinct()];
    }

    private async Task<IEnumerable<BusinessRecord>> OrdersAsync(IReadOnlyList<long> companies, string? reference, int limit, CancellationToken cancellationToken)
    {
        var rows = await odoo.SearchReadAsync(OdooSearches.Orders(companies, reference, limit), cancellationToken);
        return rows.Select(mapper.Order);
    }

    private async Task<IEnumerable<BusinessRecord>> InvoicesAsync(IReadOnlyList<long> companies, string? reference, int limit, CancellationToken cancellationToken)
    {
        var rows = await odoo.SearchReadAsync(OdooSearches.Invoices(companies, reference, limit), cancellationToken);
        // Odoo's dates carry no zone; the UTC date keeps every hub node agreeing on what is overdue.
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return rows.Select(row => mapper.Invoice(row, today));
    }
}

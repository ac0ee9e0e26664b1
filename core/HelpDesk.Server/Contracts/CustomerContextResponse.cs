using HelpDesk.Domain.Customers;
using HelpDesk.Domain.Tickets;

namespace HelpDesk.Server.Contracts;

/// <summary>One order, invoice or subscription, with whether it is overdue now.</summary>
public sealed record CustomerRecordResponse(
    string Source, string Id, string Number, string Status, Money? Total, Money? AmountDue, DateTimeOffset? Date, DateTimeOffset? DueAt, string? Url,
    bool Overdue, IReadOnlyDictionary<string, string> Attributes);

/// <summary>
/// A customer's context as an agent sees it: who they are (each fact with its source in <see cref="Provenance"/>),
/// what they bought, and whether any of it may be out of date (<see cref="Stale"/>, with the reason).
/// </summary>
public sealed record CustomerContextResponse(
    string Email,
    bool Found,
    bool Pending,
    bool Stale,
    string? StaleReason,
    DateTimeOffset? FetchedAt,
    string? Name,
    string? Company,
    string? Tier,
    bool Vip,
    string? Segment,
    string? Region,
    string? Owner,
    string? Language,
    string? TimeZone,
    Money? LifetimeValue,
    IReadOnlyDictionary<string, string> Attributes,
    IReadOnlyDictionary<string, string> Provenance,
    IReadOnlyList<ExternalLink> Links,
    IReadOnlyList<CustomerRecordResponse> Orders,
    IReadOnlyList<CustomerRecordResponse> Invoices,
    IReadOnlyList<CustomerRecordResponse> Subscriptions,
    IReadOnlyList<CustomerRecordResponse> OtherRecords,
    int OverdueInvoices,
    IReadOnlyList<ContextSource> Sources)
{
    public static CustomerContextResponse From(CustomerSnapshot context, DateTimeOffset now)
    {
        IReadOnlyList<CustomerRecordResponse> Of(CustomerRecordKind kind) => [.. context.Records.Where(r => r.Kind == kind).Select(r => new CustomerRecordResponse(
            r.Source, r.Id, r.Number, r.Status, r.Total, r.AmountDue, r.Date, r.DueAt, r.Url, r.IsOverdue(now), r.Attributes))];

        return new(
            context.Email, context.Found, Pending: false, context.IsStale, context.StaleReason, context.FetchedAt, context.Name, context.Company, context.Tier,
            context.Vip, context.Segment, context.Region, context.Owner, context.Language, context.TimeZone, context.LifetimeValue, context.Attributes,
            context.Provenance, context.Links, Of(CustomerRecordKind.Order), Of(CustomerRecordKind.Invoice), Of(CustomerRecordKind.Subscription),
            Of(CustomerRecordKind.Other), context.OverdueInvoices(now).Count(), context.Sources);
    }

    /// <summary>A ticket without a context: still pending while the providers are being asked, not when none runs.</summary>
    public static CustomerContextResponse NotYet(string email, bool pending) => new(
        email, Found: false, pending, Stale: false, null, null, null, null, null, false, null, null, null, null, null, null,
        new Dictionary<string, string>(), new Dictionary<string, string>(), [], [], [], [], [], 0, []);
}

using HelpDesk.Domain.Tickets;

namespace HelpDesk.Domain.Customers;

/// <summary>An amount in a currency (ISO 4217, upper-case).</summary>
public sealed record Money(decimal Amount, string Currency);

/// <summary>
/// What the help desk learned about a customer from its context providers (CRMs, ERPs), merged: each fact comes from
/// the first provider that knew it, as <see cref="Provenance"/> records. Kept on the ticket by
/// <see cref="Events.CustomerContextUpdated"/> so rules, SLA policies and reports read it without calling anyone.
/// </summary>
/// <param name="Email">Whose context this is, lower-case.</param>
/// <param name="FetchedAt">When the providers were asked.</param>
public sealed record CustomerSnapshot(string Email, DateTimeOffset FetchedAt)
{
    /// <summary>Whether any provider knew the customer; false is an empty context, not an error.</summary>
    public bool Found { get; init; }

    public string? Name { get; init; }

    public string? Company { get; init; }

    /// <summary>The support tier as the provider names it, lower-case (<c>vip</c>, <c>premium</c>).</summary>
    public string? Tier { get; init; }

    public bool Vip { get; init; }

    public string? Segment { get; init; }

    public string? Region { get; init; }

    /// <summary>The account owner at the vendor.</summary>
    public string? Owner { get; init; }

    public string? Language { get; init; }

    public string? TimeZone { get; init; }

    public Money? LifetimeValue { get; init; }

    /// <summary>Other facts by name (lifecycle stage, plan).</summary>
    public SortedDictionary<string, string> Attributes { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Which source each fact came from, by the fact's name (<c>tier</c> → <c>hubspot</c>).</summary>
    public SortedDictionary<string, string> Provenance { get; init; } = new(StringComparer.Ordinal);

    /// <summary>The records the facts were read from (a CRM contact, its company), with links to open them.</summary>
    public IReadOnlyList<ExternalLink> Links { get; init; } = [];

    /// <summary>Orders, invoices and subscriptions from every records provider, newest first.</summary>
    public IReadOnlyList<CustomerRecord> Records { get; init; } = [];

    /// <summary>Every provider asked, and how it answered.</summary>
    public IReadOnlyList<ContextSource> Sources { get; init; } = [];

    /// <summary>
    /// Why part of the context may be out of date (a provider failed or timed out); null when every provider answered.
    /// What a failed provider said before is kept, marked by this.
    /// </summary>
    public string? StaleReason { get; init; }

    public bool IsStale => StaleReason is not null;

    /// <summary>Invoices with an amount due past their due date at <paramref name="now"/>.</summary>
    public IEnumerable<CustomerRecord> OverdueInvoices(DateTimeOffset now) => Records.Where(r => r.IsOverdue(now));

    /// <summary>The same facts, records and sources: a refresh that learned nothing new records no event.</summary>
    public bool SameAs(CustomerSnapshot other) =>
        Fingerprint(this) == Fingerprint(other);

    private static string Fingerprint(CustomerSnapshot snapshot) =>
        System.Text.Json.JsonSerializer.Serialize(
            snapshot with { FetchedAt = default, Sources = [.. snapshot.Sources.Select(s => s with { At = default })] },
            Events.TicketEventJson.Options);
}

/// <summary>What kind of business record.</summary>
public enum CustomerRecordKind
{
    Other,
    Order,
    Invoice,
    Subscription,
}

/// <summary>An order, invoice or subscription a records provider (<see cref="Source"/>) holds for the customer.</summary>
public sealed record CustomerRecord(string Source, CustomerRecordKind Kind, string Id, string Number, string Status)
{
    public Money? Total { get; init; }

    public Money? AmountDue { get; init; }

    public DateTimeOffset? Date { get; init; }

    /// <summary>When payment is due (invoices) or it renews (subscriptions).</summary>
    public DateTimeOffset? DueAt { get; init; }

    public string? Url { get; init; }

    public SortedDictionary<string, string> Attributes { get; init; } = new(StringComparer.Ordinal);

    /// <summary>An invoice with something still to pay whose due date has passed.</summary>
    public bool IsOverdue(DateTimeOffset now) => Kind == CustomerRecordKind.Invoice && AmountDue is { Amount: > 0 } && DueAt is { } due && due < now;
}

/// <summary>One provider asked for a context: its name, its plugin, what it provides, and its failure if it failed.</summary>
public sealed record ContextSource(string Name, string Plugin, string Provides, DateTimeOffset At, string? Error = null);

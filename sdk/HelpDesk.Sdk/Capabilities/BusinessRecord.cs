namespace HelpDesk.Sdk.Capabilities;

/// <summary>One order, invoice or subscription. Optional members may be added over time.</summary>
/// <param name="Kind">What it is.</param>
/// <param name="Id">Its id in the provider's system.</param>
/// <param name="Number">The number people quote (<c>S00042</c>, <c>INV/2026/0007</c>).</param>
/// <param name="Status">Its status as the provider names it (<c>sale</c>, <c>posted</c>, <c>partial</c>).</param>
public sealed record BusinessRecord(BusinessRecordKind Kind, string Id, string Number, string Status)
{
    /// <summary>Its total.</summary>
    public Money? Total { get; init; }

    /// <summary>What is still to be paid, for invoices.</summary>
    public Money? AmountDue { get; init; }

    /// <summary>When it was ordered, issued or started.</summary>
    public DateTimeOffset? Date { get; init; }

    /// <summary>When payment is due (invoices) or it renews (subscriptions); past it with an amount due means overdue.</summary>
    public DateTimeOffset? DueAt { get; init; }

    /// <summary>Its lines.</summary>
    public IReadOnlyList<BusinessRecordLine> Lines { get; init; } = [];

    /// <summary>Where a person can open it.</summary>
    public string? Url { get; init; }

    /// <summary>Other facts by name.</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; init; } = new Dictionary<string, string>();
}

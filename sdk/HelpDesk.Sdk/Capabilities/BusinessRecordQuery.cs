namespace HelpDesk.Sdk.Capabilities;

/// <summary>Which records to find. Optional members may be added over time.</summary>
/// <param name="CustomerEmail">The customer's address, lower-case.</param>
public sealed record BusinessRecordQuery(string CustomerEmail)
{
    /// <summary>A reference the customer or agent gave (an order or invoice number): only records it names.</summary>
    public string? Reference { get; init; }

    /// <summary>Only records of these kinds; empty for every kind.</summary>
    public IReadOnlyList<BusinessRecordKind> Kinds { get; init; } = [];

    /// <summary>The ticket that prompted the query, if any.</summary>
    public long? Ticket { get; init; }

    /// <summary>At most this many records.</summary>
    public int Limit { get; init; } = 20;
}

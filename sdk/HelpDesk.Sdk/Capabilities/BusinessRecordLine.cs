namespace HelpDesk.Sdk.Capabilities;

/// <summary>One line of an order or invoice. Optional members may be added over time.</summary>
/// <param name="Description">What it is for.</param>
/// <param name="Quantity">How many.</param>
/// <param name="Total">The line's amount.</param>
public sealed record BusinessRecordLine(string Description, decimal Quantity, Money? Total = null)
{
    /// <summary>The product's code, if any.</summary>
    public string? ProductCode { get; init; }
}

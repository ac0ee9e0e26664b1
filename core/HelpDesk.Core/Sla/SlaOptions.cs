namespace HelpDesk.Core.Sla;

/// <summary>The <c>HelpDesk:Sla</c> section.</summary>
public sealed class SlaOptions
{
    /// <summary>How often the SLA watch looks for tickets crossing a warning or a due time.</summary>
    public TimeSpan WatchInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Tickets one watch pass looks at, at most; the rest wait for the next pass.</summary>
    public int MaxTicketsPerPass { get; set; } = 5_000;
}

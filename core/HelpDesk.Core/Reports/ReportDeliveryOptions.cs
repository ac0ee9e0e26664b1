namespace HelpDesk.Core.Reports;

/// <summary>The <c>HelpDesk:Reports:Delivery</c> section. Reports go through the notifications' channel (<c>HelpDesk:Notifications:Channel</c>).</summary>
public sealed class ReportDeliveryOptions
{
    /// <summary>How often due deliveries are looked for: a new run's mail leaves within this.</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Wait after the first failure; each further failure doubles it, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// Attempts the channel may refuse (a bad address, a 5xx) before the delivery is <c>failed</c>. A channel that is
    /// down, slow or not running does not count: the mail waits for it, however long.
    /// </summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>How long one attempt holds its delivery; past it (the node died mid-send) another node may try.</summary>
    public TimeSpan ClaimTimeout { get; set; } = TimeSpan.FromMinutes(5);
}

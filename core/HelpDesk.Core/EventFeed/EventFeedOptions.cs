namespace HelpDesk.Core.EventFeed;

/// <summary>The <c>HelpDesk:EventFeed</c> section.</summary>
public sealed class EventFeedOptions
{
    /// <summary>Attempts per event, the first included, before it is parked as a dead letter.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Wait after the first failure; each further failure doubles it, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// A handler still running after this counts as failed, so a hung subscriber cannot stall its feed. A backstop for
    /// plugins: keep it above <c>PluginHost:CallTimeout</c>, whose timeouts their circuit breakers count.
    /// </summary>
    public TimeSpan HandlerTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often an idle feed looks for events it was not told about (appends on another silo).</summary>
    public TimeSpan IdlePollInterval { get; set; } = TimeSpan.FromSeconds(1);

    public int ReadBatchSize { get; set; } = 256;

    /// <summary>How often each silo makes sure every subscriber's feed runs somewhere (after a silo is lost, say).</summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(10);
}

namespace HelpDesk.Core.Plugins.Hosting;

/// <summary>The <c>HelpDesk:PluginHost</c> section.</summary>
public sealed class PluginHostOptions
{
    /// <summary>How long after the last file change in a plugin's folder it is reloaded (copies come in many writes).</summary>
    public TimeSpan ReloadDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Longest wait for calls into an old version to finish before it is unloaded anyway.</summary>
    public TimeSpan DrainTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A call into a plugin still running after this is abandoned as failed.</summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>After this many failed calls in a row-ish (half of at least this many in 30 s), calls fail fast for 30 s.</summary>
    public int CircuitBreakerMinimumCalls { get; set; } = 10;

    /// <summary>Webhook bodies above this get 413 before the plugin sees them.</summary>
    public long MaxWebhookBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Webhook calls per plugin per minute; more get 429.</summary>
    public int WebhooksPerMinute { get; set; } = 600;

    /// <summary>
    /// Overrides of <see cref="WebhooksPerMinute"/> by plugin id (<c>HelpDesk:PluginHost:WebhooksPerMinuteByPlugin:monitoring = 6000</c>),
    /// for a plugin whose senders are many or do not retry a 429 (Alertmanager).
    /// </summary>
    public Dictionary<string, int> WebhooksPerMinuteByPlugin { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public int WebhooksPerMinuteFor(string pluginId) =>
        WebhooksPerMinuteByPlugin.TryGetValue(pluginId, out var limit) ? limit : WebhooksPerMinute;
}

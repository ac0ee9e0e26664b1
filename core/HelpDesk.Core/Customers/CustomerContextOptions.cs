namespace HelpDesk.Core.Customers;

/// <summary>The <c>HelpDesk:CustomerContext</c> section.</summary>
public sealed class CustomerContextOptions
{
    /// <summary>How long a context that every provider answered is used before the providers are asked again.</summary>
    public TimeSpan CacheLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How soon a stale context (a provider failed) is asked for again, by the next lookup or the refresh scan.</summary>
    public TimeSpan StaleRetryAfter { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long one lookup waits for all providers; a provider still silent then is marked as timed out.</summary>
    public TimeSpan LookupTimeout { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>How many new tickets' contexts are looked up at once.</summary>
    public int LookupConcurrency { get; set; } = 8;

    /// <summary>At most this many business records per provider.</summary>
    public int RecordLimit { get; set; } = 20;

    /// <summary>Provider names in order of trust: for each fact the first that knows it wins; unlisted ones follow by name.</summary>
    public List<string> Precedence { get; set; } = [];

    /// <summary>How often open tickets whose context is stale (or never arrived) are looked up again.</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromMinutes(1);
}

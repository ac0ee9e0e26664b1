namespace HelpDesk.Core.Storage;

/// <summary>The <c>HelpDesk:Storage</c> section.</summary>
public sealed class StorageOptions
{
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>Empty for SQLite means <c>{DataDirectory}/helpdesk.db</c>; PostgreSQL requires one.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Most appends committed in one transaction; larger batches trade latency for throughput.</summary>
    public int MaxBatchSize { get; set; } = 256;
}

namespace HelpDesk.Core.Storage;

public enum StorageProvider
{
    /// <summary>One file under the data directory: the zero set-up default.</summary>
    Sqlite,

    /// <summary>For scale-out: several silos share one database.</summary>
    PostgreSql,
}

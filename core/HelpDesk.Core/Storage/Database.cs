using System.Data.Common;

namespace HelpDesk.Core.Storage;

/// <summary>
/// One relational database and what its SQL dialect does differently. Everything else in the
/// store is plain SQL shared by both providers, so the same tests prove both.
/// </summary>
public abstract class Database : IAsyncDisposable
{
    public abstract StorageProvider Provider { get; }

    /// <summary>Schema scripts in order; a script, once shipped, never changes (add a new one).</summary>
    public abstract IReadOnlyList<string> Migrations { get; }

    /// <summary>Run first in every append transaction so global positions commit in order (empty where writes are already serial).</summary>
    public abstract string AppendLockSql { get; }

    /// <summary>Run before migrating, inside the migration transaction, so concurrent starts do not race.</summary>
    public abstract string MigrationLockSql { get; }

    public abstract ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>A condition on <c>t.number</c> that holds when one of the ticket's texts matches <c>@q</c>.</summary>
    public abstract string FullTextCondition(bool includeInternal);

    /// <summary>SQL for a top-level text member of a JSON column (an event's <c>target</c>), null when absent.</summary>
    public abstract string JsonText(string column, string member);

    /// <summary>The <c>@q</c> value for <see cref="FullTextCondition"/>, built from plain words so no operator reaches the engine.</summary>
    public abstract string FullTextQuery(IReadOnlyList<string> words);

    public abstract bool IsUniqueViolation(DbException exception);

    public abstract ValueTask DisposeAsync();
}

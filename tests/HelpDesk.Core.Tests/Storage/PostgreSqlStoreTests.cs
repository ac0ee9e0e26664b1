using HelpDesk.Core.Storage;
using HelpDesk.TestSupport;

namespace HelpDesk.Core.Tests.Storage;

/// <summary>The store on the scale-out provider: a fresh PostgreSQL database per test (skipped locally without a server, failed under CI).</summary>
public sealed class PostgreSqlStoreTests : StoreContractTests
{
    private readonly List<PostgresServer.TestDatabase> _databases = [];

    protected override async Task<string> CreateEmptyDatabaseAsync()
    {
        var database = await PostgresServer.CreateDatabaseAsync();
        _databases.Add(database);
        return database.ConnectionString;
    }

    protected override Database Open(string location) => new PostgreSqlDatabase(location);

    protected override async ValueTask DropDatabasesAsync()
    {
        foreach (var database in _databases)
        {
            await database.DisposeAsync();
        }
    }
}

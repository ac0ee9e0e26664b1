using HelpDesk.Core.Storage;
using HelpDesk.TestSupport;

namespace HelpDesk.Core.Tests.Storage;

/// <summary>The store on the embedded default: a real SQLite file in a temporary directory.</summary>
public sealed class SqliteStoreTests : StoreContractTests
{
    private readonly List<TempDirectory> _directories = [];

    protected override Task<string> CreateEmptyDatabaseAsync()
    {
        var directory = new TempDirectory();
        _directories.Add(directory);
        return Task.FromResult(directory.Path);
    }

    protected override Database Open(string location) => SqliteDatabase.InDirectory(location);

    protected override ValueTask DropDatabasesAsync()
    {
        _directories.ForEach(d => d.Dispose());
        return ValueTask.CompletedTask;
    }
}

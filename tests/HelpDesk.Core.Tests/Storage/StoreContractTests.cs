using System.Data.Common;
using System.Text.Json;
using HelpDesk.Core.Queries;
using HelpDesk.Core.Storage;
using HelpDesk.Domain.Commands;
using HelpDesk.Domain.Events;
using HelpDesk.Domain.Tickets;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace HelpDesk.Core.Tests.Storage;

/// <summary>
/// The store's behaviour, written once and run unchanged against each provider by a subclass that only says
/// how to create an empty database and open a handle on it. Every test gets a migrated database of its own.
/// The tests are split by subject over the partial files beside this one.
/// </summary>
public abstract partial class StoreContractTests : IAsyncLifetime
{
    private readonly List<IAsyncDisposable> _opened = [];
    private string _location = "";
    private long _lastNumber;

    /// <summary>Each read of the clock moves it one second on, so tickets are created and updated in a known order.</summary>
    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero)) { AutoAdvanceAmount = TimeSpan.FromSeconds(1) };

    protected Database Database { get; private set; } = null!;

    protected SqlTicketEventStore Store { get; private set; } = null!;

    protected TicketQueries Queries { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        _location = await CreateEmptyDatabaseAsync();
        Database = Connect();
        await MigrateAsync(Database);
        Store = NewStore(Database);
        Queries = new TicketQueries(Database);
    }

    public async ValueTask DisposeAsync()
    {
        // Newest first: writers finish their queued appends before the database handle under them goes.
        for (var i = _opened.Count - 1; i >= 0; i--)
        {
            await _opened[i].DisposeAsync();
        }

        await DropDatabasesAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Creates a new, empty database of this provider and returns where it is (a directory, a connection string).</summary>
    protected abstract Task<string> CreateEmptyDatabaseAsync();

    /// <summary>Opens a handle on a database created by <see cref="CreateEmptyDatabaseAsync"/>, as one silo would.</summary>
    protected abstract Database Open(string location);

    /// <summary>Drops every database <see cref="CreateEmptyDatabaseAsync"/> created.</summary>
    protected abstract ValueTask DropDatabasesAsync();

    /// <summary>Another handle on this test's database, as a second silo would open it.</summary>
    protected Database Connect() => Connect(_location);

    protected Database Connect(string location) => Track(Open(location));

    protected static Task MigrateAsync(Database database) =>
        new SchemaMigrator(database, NullLogger<SchemaMigrator>.Instance).MigrateAsync(CancellationToken.None);

    protected SqlTicketEventStore NewStore(Database database) =>
        new(database, Track(new TicketEventWriter(database, Options.Create(new StorageOptions()), NullLogger<TicketEventWriter>.Instance)));

    protected TicketHistory NewTicket() => new(Interlocked.Increment(ref _lastNumber), Clock);

    protected async Task<TicketHistory> OpenTicketAsync(Func<OpenTicket, OpenTicket>? customise = null)
    {
        var ticket = NewTicket();
        await AppendedAsync(ticket.Open(customise));
        return ticket;
    }

    protected async Task AppendedAsync(TicketAppend append) => Assert.Equal(AppendOutcome.Appended, await Store.AppendAsync(append));

    /// <summary>Compares every member, so a column the projection forgets or garbles shows up.</summary>
    protected static void AssertSameTicket(TicketState expected, TicketState? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(JsonSerializer.Serialize(expected, TicketEventJson.Options), JsonSerializer.Serialize(actual, TicketEventJson.Options));
    }

    protected static long[] Numbers(TicketPage page) => [.. page.Items.Select(t => t.Number)];

    protected async Task<long> ScalarAsync(string sql, Database? database = null)
    {
        await using var connection = await (database ?? Database).OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Every value of every row, as text: for checking what a table holds regardless of its columns.</summary>
    protected async Task<List<string>> AllValuesAsync(string table)
    {
        await using var connection = await Database.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM {table}";
        await using DbDataReader reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                values.Add(Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) ?? "");
            }
        }

        return values;
    }

    private T Track<T>(T resource)
        where T : IAsyncDisposable
    {
        _opened.Add(resource);
        return resource;
    }
}

using HelpDesk.Core.Reports;
using HelpDesk.Core.Storage;
using HelpDesk.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace HelpDesk.Core.Tests.Reports;

/// <summary>Tickets written before the report facts existed get them from their events, once, on either provider.</summary>
public abstract class ReportFactsBackfillTests
{
    private const string Facts = "SELECT * FROM report_facts ORDER BY number";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Tickets_without_facts_get_the_ones_the_projection_would_have_written()
    {
        await using var database = await OpenAsync();
        await ReportDataSet.WriteAsync(database, ReportDataSet.Generate(600, seed: 11));
        var written = await ReadFactsAsync(database);
        var cleared = await database.ExecuteAsync("DELETE FROM report_facts WHERE number % 3 = 0", _ => { }, Token);

        await using var writer = new TicketEventWriter(database, Options.Create(new StorageOptions()), NullLogger<TicketEventWriter>.Instance);
        var backfill = new ReportFactsBackfill(database, new SqlTicketEventStore(database, writer), NullLogger<ReportFactsBackfill>.Instance);
        var filled = await backfill.FillAsync(Token);
        var again = await backfill.FillAsync(Token);

        Assert.Equal(200, cleared);
        Assert.Equal(cleared, filled);
        Assert.Equal(0, again);
        Assert.Equal(written, await ReadFactsAsync(database));
        Assert.True(await database.Int64Async("SELECT COUNT(*) FROM report_facts WHERE number % 3 = 0 AND reopen_count > 0 AND resolution_business_ms > 0 AND rating IS NOT NULL", _ => { }, Token) > 0);
    }

    protected abstract Task<Database> OpenAsync();

    private static async Task<IReadOnlyList<string>> ReadFactsAsync(Database database) =>
        await database.QueryAsync(Facts, _ => { }, r => string.Join(",", Enumerable.Range(0, r.FieldCount).Select(i => r.IsDBNull(i) ? "null" : Convert.ToString(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))), Token);
}

public sealed class SqliteReportFactsBackfillTests : ReportFactsBackfillTests, IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    protected override Task<Database> OpenAsync() => Task.FromResult<Database>(SqliteDatabase.InDirectory(_directory.Path));
}

public sealed class PostgreSqlReportFactsBackfillTests : ReportFactsBackfillTests, IAsyncDisposable
{
    private PostgresServer.TestDatabase? _database;

    public async ValueTask DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    protected override async Task<Database> OpenAsync()
    {
        await PostgresServer.RequireAsync();
        _database = await PostgresServer.CreateDatabaseAsync();
        return new PostgreSqlDatabase(_database.ConnectionString);
    }
}

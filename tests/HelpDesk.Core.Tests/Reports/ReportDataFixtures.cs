using HelpDesk.Core.Reports;
using HelpDesk.Core.Storage;
using HelpDesk.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace HelpDesk.Core.Tests.Reports;

/// <summary>The generated data set written once per provider for the report tests.</summary>
public abstract class ReportDataFixture : IAsyncLifetime
{
    public const int Tickets = 50_000;

    public List<GeneratedTicket> Generated { get; } = ReportDataSet.Generate(Tickets);

    public Database? Database { get; private set; }

    public virtual async ValueTask InitializeAsync()
    {
        Database = await OpenAsync();
        if (Database is not null)
        {
            await ReportDataSet.WriteAsync(Database, Generated);

            // The ranking KPIs then read digests, the facts of every third quarter hour (as if written since the last
            // packing) and the facts of the ragged ends, and must still give the generator's exact values.
            await new ReportDigestBuilder(Database, NullLogger<ReportDigestBuilder>.Instance).PassAsync(CancellationToken.None);
            await Database.ExecuteAsync(
                "INSERT INTO report_digest_marks (anchor, bucket, marks) SELECT anchor, bucket, 1 FROM report_digests WHERE bucket % 3 = 0", _ => { }, CancellationToken.None);
        }
    }

    /// <summary>Skips (locally) or fails (under CI) the calling test when the provider is not there.</summary>
    public virtual Task RequireAsync() => Task.CompletedTask;

    public virtual async ValueTask DisposeAsync()
    {
        if (Database is not null)
        {
            await Database.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    protected abstract Task<Database?> OpenAsync();
}

public sealed class SqliteReportData : ReportDataFixture
{
    private readonly TempDirectory _directory = new();

    protected override Task<Database?> OpenAsync() => Task.FromResult<Database?>(SqliteDatabase.InDirectory(_directory.Path));

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _directory.Dispose();
    }
}

public sealed class PostgreSqlReportData : ReportDataFixture
{
    private PostgresServer.TestDatabase? _database;

    public override Task RequireAsync() => PostgresServer.RequireAsync();

    protected override async Task<Database?> OpenAsync()
    {
        try
        {
            _database = await PostgresServer.CreateDatabaseAsync();
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            // No server here: each test's RequireAsync says so (a skip locally, a failure under CI).
            return null;
        }

        return new PostgreSqlDatabase(_database.ConnectionString);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}

using HelpDesk.Core.Reports;
using HelpDesk.Core.Storage;
using HelpDesk.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace HelpDesk.Core.Tests.Reports;

/// <summary>
/// The report facts on either provider: tickets written before they existed get them from their events, once; the
/// quarter-hour rollups always hold what the facts add up to, and the digests give the facts' own ranks, however the
/// facts change: written through the event writer (tickets opened, then updated), deleted, filled in again by the
/// backfill, or moved to other values and times.
/// </summary>
public abstract class ReportFactsTests
{
    private const long Quarter = 900_000;

    private const string Facts = "SELECT * FROM report_facts ORDER BY number";

    private static readonly string[] Counts =
    [
        "tickets", "proactive", "first_response_targets", "first_response_breaches", "next_response_targets", "next_response_breaches",
        "resolution_targets", "resolution_breaches", "solved", "rated", "rated_good", "rated_neutral", "rated_bad", "reopened", "first_contact",
    ];

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

    [Fact]
    public async Task Rollups_add_up_the_facts_through_writes_deletes_refills_and_moves()
    {
        await using var database = await OpenAsync();
        await ReportDataSet.WriteAsync(database, ReportDataSet.Generate(800, seed: 5));
        var written = await RollupsAsync(database);
        Assert.Equal(await FromFactsAsync(database), written);

        await database.ExecuteAsync("DELETE FROM report_facts WHERE number % 3 = 0", _ => { }, Token);
        Assert.Equal(await FromFactsAsync(database), await RollupsAsync(database));

        await using var writer = new TicketEventWriter(database, Options.Create(new StorageOptions()), NullLogger<TicketEventWriter>.Instance);
        await new ReportFactsBackfill(database, new SqlTicketEventStore(database, writer), NullLogger<ReportFactsBackfill>.Instance).FillAsync(Token);
        Assert.Equal(written, await RollupsAsync(database));

        await database.ExecuteAsync(
            "UPDATE report_facts SET channel = 'monitoring', category = NULL, solved_at = solved_at + 3600000, rating = 'bad', sla_breaches = sla_targets WHERE number % 4 = 1",
            _ => { }, Token);
        var moved = await RollupsAsync(database);
        Assert.Equal(await FromFactsAsync(database), moved);
        Assert.NotEqual(written, moved);
    }

    [Fact]
    public async Task Escalations_requested_before_their_rows_existed_are_filled_in_from_the_events()
    {
        const string Escalations = "SELECT ticket, escalation_id, target, requested_at, done_at FROM report_escalations ORDER BY ticket, escalation_id";
        await using var database = await OpenAsync();
        await ReportDataSet.WriteAsync(database, ReportDataSet.Generate(800, seed: 13));
        var written = await RowsAsync(database, Escalations);
        Assert.Contains(written, row => row.EndsWith(",null", StringComparison.Ordinal));
        Assert.Contains(written, row => !row.EndsWith(",null", StringComparison.Ordinal));

        // The store as the previous release left it: no escalation rows, the event log's indexes for the old query.
        var version = await database.Int64Async("SELECT MAX(version) FROM schema_migrations", _ => { }, Token);
        await database.ExecuteAsync(
            $"""
            DROP TABLE report_escalations;
            CREATE INDEX ix_ticket_events_escalation_requested ON ticket_events (occurred_at) WHERE type = 'escalation-requested';
            CREATE INDEX ix_ticket_events_escalated ON ticket_events (ticket) WHERE type = 'escalated';
            DELETE FROM schema_migrations WHERE version = {version};
            """,
            _ => { }, Token);
        await new SchemaMigrator(database, NullLogger<SchemaMigrator>.Instance).MigrateAsync(Token);

        Assert.Equal(written, await RowsAsync(database, Escalations));
    }

    [Fact]
    public async Task Digests_rank_as_the_facts_do_through_writes_moves_deletes_and_refills()
    {
        await using var database = await OpenAsync();
        await ReportDataSet.WriteAsync(database, ReportDataSet.Generate(800, seed: 7));
        var builder = new ReportDigestBuilder(database, NullLogger<ReportDigestBuilder>.Instance);
        Assert.Equal(await QuartersOfAsync(database, "1 = 1"), await MarkedAsync(database));
        await AssertDigestsRankAsTheFactsAsync(database);

        Assert.True(await builder.PassAsync(Token) > 0);
        Assert.Empty(await MarkedAsync(database));
        Assert.True(await database.Int64Async("SELECT COUNT(*) FROM report_digests", _ => { }, Token) > 0);
        await AssertDigestsRankAsTheFactsAsync(database);

        // A reply count is not in a digest: nothing to pack again.
        await database.ExecuteAsync("UPDATE report_facts SET agent_reply_count = agent_reply_count + 1 WHERE number % 5 = 0", _ => { }, Token);
        Assert.Empty(await MarkedAsync(database));

        // A move marks the quarter hours each ticket leaves and enters; until they are packed again, reports read their facts.
        const string Moved = "number % 4 = 1";
        var left = await QuartersOfAsync(database, Moved);
        await database.ExecuteAsync(
            $"UPDATE report_facts SET channel = 'monitoring', assignee = 'night-shift', rating = 'bad', created_at = created_at - 600000, solved_at = solved_at + 3600000, first_agent_reply_at = first_agent_reply_at + 60000 WHERE {Moved}",
            _ => { }, Token);
        Assert.Equal(left.Union(await QuartersOfAsync(database, Moved)).Order(StringComparer.Ordinal), await MarkedAsync(database));
        await AssertDigestsRankAsTheFactsAsync(database);
        await builder.PassAsync(Token);
        await AssertDigestsRankAsTheFactsAsync(database);

        await database.ExecuteAsync("DELETE FROM report_facts WHERE number % 3 = 0", _ => { }, Token);
        await AssertDigestsRankAsTheFactsAsync(database);
        await builder.PassAsync(Token);
        await AssertDigestsRankAsTheFactsAsync(database);

        await using var writer = new TicketEventWriter(database, Options.Create(new StorageOptions()), NullLogger<TicketEventWriter>.Instance);
        await new ReportFactsBackfill(database, new SqlTicketEventStore(database, writer), NullLogger<ReportFactsBackfill>.Instance).FillAsync(Token);
        await builder.PassAsync(Token);
        Assert.Empty(await MarkedAsync(database));
        await AssertDigestsRankAsTheFactsAsync(database);
    }

    protected abstract Task<Database> OpenAsync();

    /// <summary>
    /// Each ranking KPI, whole and broken down, from the digests (no filter) and from the facts alone (a filter naming
    /// every channel, which the digests do not answer): the same tickets, so the same rows. From and to are off the
    /// quarter hour, and the zones' offsets are whole quarter hours (Lord Howe's DST moves by half an hour).
    /// </summary>
    private static async Task AssertDigestsRankAsTheFactsAsync(Database database)
    {
        var queries = new ReportQueries(database);
        var everyChannel = new ReportFilter(ReportDimension.Channel, [.. await database.QueryAsync("SELECT DISTINCT channel FROM report_facts", _ => { }, r => r.GetString(0), Token)]);
        var (from, to) = (ReportDataSet.Start.AddMinutes(7), ReportDataSet.End.AddMinutes(-5));
        (ReportDimension, string)[] breakdowns =
            [(ReportDimension.None, "UTC"), (ReportDimension.Channel, "UTC"), (ReportDimension.Queue, "UTC"), (ReportDimension.Hour, "Australia/Lord_Howe"), (ReportDimension.Weekday, "Europe/Berlin")];
        foreach (var kpi in new[] { Kpi.FirstResponseTime, Kpi.FirstResponseBusinessTime, Kpi.ResolutionTime, Kpi.ResolutionBusinessTime, Kpi.Agents })
        {
            foreach (var (groupBy, zone) in kpi == Kpi.Agents ? breakdowns.Take(1) : breakdowns)
            {
                var query = new ReportQuery(from, to, TimeZoneInfo.FindSystemTimeZoneById(zone), groupBy);
                var digested = await queries.RunAsync(kpi, query, Token);
                var counted = await queries.RunAsync(kpi, query with { Filters = [everyChannel] }, Token);
                Assert.NotEmpty(digested.Rows);
                Assert.Equal(Rows(counted), Rows(digested));
            }
        }

        static string[] Rows(KpiReport report) => [.. report.Rows.Select(r => $"{r.Key}={string.Join(",", r.Values)}")];
    }

    private static async Task<IReadOnlyList<string>> MarkedAsync(Database database) =>
        [.. (await database.QueryAsync("SELECT anchor, bucket FROM report_digest_marks", _ => { }, r => $"{r.GetString(0)}|{r.GetInt64(1)}", Token)).Order(StringComparer.Ordinal)];

    /// <summary>The quarter hours the matching tickets were opened and solved in.</summary>
    private static async Task<IReadOnlyList<string>> QuartersOfAsync(Database database, string condition) =>
        [.. (await database.QueryAsync(
            $"SELECT 'created|' || (created_at / {Quarter}) FROM report_facts WHERE {condition} UNION SELECT 'solved|' || (solved_at / {Quarter}) FROM report_facts WHERE solved_at IS NOT NULL AND {condition}",
            _ => { }, r => r.GetString(0), Token)).Order(StringComparer.Ordinal)];

    private static Task<IReadOnlyList<string>> ReadFactsAsync(Database database) => RowsAsync(database, Facts);

    private static async Task<IReadOnlyList<string>> RowsAsync(Database database, string sql) =>
        await database.QueryAsync(sql, _ => { }, r => string.Join(",", Enumerable.Range(0, r.FieldCount).Select(i => r.IsDBNull(i) ? "null" : Convert.ToString(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))), Token);

    private static async Task<List<string>> RollupsAsync(Database database)
    {
        var rows = await database.QueryAsync(
            $"SELECT anchor, dimension, bucket, value, {string.Join(", ", Counts)} FROM report_rollups",
            _ => { },
            r => (Key: $"{r.GetString(0)}|{r.GetString(1)}|{r.GetInt64(2)}|{r.GetString(3)}", Counts: Enumerable.Range(4, Counts.Length).Select(i => r.GetInt64(i)).ToArray()),
            Token);
        return [.. rows.Where(r => r.Counts.Any(c => c != 0)).Select(r => $"{r.Key}={string.Join(",", r.Counts)}").Order(StringComparer.Ordinal)];
    }

    /// <summary>The same sums worked out here, row by row, from what <c>report_facts</c> holds.</summary>
    private static async Task<List<string>> FromFactsAsync(Database database)
    {
        var facts = await database.QueryAsync(
            "SELECT created_at, solved_at, channel, type, category, queue, requester_language, customer_region, rating, agent_reply_count, reopen_count, sla_targets, sla_breaches FROM report_facts",
            _ => { },
            r => (Created: r.GetInt64(0), Solved: r.IsDBNull(1) ? (long?)null : r.GetInt64(1),
                Values: Enumerable.Range(2, 6).Select(i => r.IsDBNull(i) ? "" : r.GetString(i)).ToArray(),
                Rating: r.IsDBNull(8) ? null : r.GetString(8), Replies: r.GetInt64(9), Reopens: r.GetInt64(10), Targets: r.GetInt64(11), Breaches: r.GetInt64(12)),
            Token);
        string[] dimensions = ["channel", "type", "category", "queue", "language", "region"];
        var sums = new Dictionary<string, long[]>();
        void Add(string anchor, long at, string[] values, Dictionary<string, long> counts)
        {
            foreach (var (dimension, value) in dimensions.Zip(values).Prepend(("all", "")))
            {
                var key = $"{anchor}|{dimension}|{at / Quarter}|{value}";
                var row = sums.TryGetValue(key, out var known) ? known : sums[key] = new long[Counts.Length];
                foreach (var (name, count) in counts)
                {
                    row[Array.IndexOf(Counts, name)] += count;
                }
            }
        }

        long Bit(long bits, int bit) => (bits & bit) != 0 ? 1 : 0;
        foreach (var f in facts)
        {
            Add("created", f.Created, f.Values, new()
            {
                ["tickets"] = 1, ["proactive"] = f.Values[0] == "monitoring" ? 1 : 0,
                ["first_response_targets"] = Bit(f.Targets, 1), ["first_response_breaches"] = Bit(f.Targets & f.Breaches, 1),
                ["next_response_targets"] = Bit(f.Targets, 2), ["next_response_breaches"] = Bit(f.Targets & f.Breaches, 2),
                ["resolution_targets"] = Bit(f.Targets, 4), ["resolution_breaches"] = Bit(f.Targets & f.Breaches, 4),
            });
            if (f.Solved is { } solved)
            {
                Add("solved", solved, f.Values, new()
                {
                    ["solved"] = 1, ["rated"] = f.Rating is null ? 0 : 1, ["rated_good"] = f.Rating == "good" ? 1 : 0,
                    ["rated_neutral"] = f.Rating == "neutral" ? 1 : 0, ["rated_bad"] = f.Rating == "bad" ? 1 : 0,
                    ["reopened"] = f.Reopens > 0 ? 1 : 0, ["first_contact"] = f.Replies == 1 && f.Reopens == 0 ? 1 : 0,
                });
            }
        }

        return [.. sums.Where(s => s.Value.Any(c => c != 0)).Select(s => $"{s.Key}={string.Join(",", s.Value)}").Order(StringComparer.Ordinal)];
    }
}

public sealed class SqliteReportFactsTests : ReportFactsTests, IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    protected override Task<Database> OpenAsync() => Task.FromResult<Database>(SqliteDatabase.InDirectory(_directory.Path));
}

public sealed class PostgreSqlReportFactsTests : ReportFactsTests, IAsyncDisposable
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

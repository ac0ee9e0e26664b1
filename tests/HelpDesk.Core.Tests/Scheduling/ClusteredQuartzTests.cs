using System.Globalization;
using HelpDesk.Core.Reports;
using HelpDesk.Core.Storage;
using HelpDesk.TestSupport;
using Npgsql;
using Quartz;

namespace HelpDesk.Core.Tests.Scheduling;

/// <summary>
/// Quartz on the scale-out provider: hub nodes on one PostgreSQL database share Quartz's clustered job store (its tables
/// from our migrations), so a report schedule saved, changed or deleted on any node is the cluster's, restarts replace
/// triggers rather than add them, and each firing runs on one node.
/// </summary>
public sealed class ClusteredQuartzTests
{
    private static readonly string[] QuartzTables =
    [
        "quartz_blob_triggers", "quartz_calendars", "quartz_cron_triggers", "quartz_execution_history", "quartz_fired_triggers",
        "quartz_job_details", "quartz_job_status", "quartz_locks", "quartz_misfire_history", "quartz_paused_job_grps",
        "quartz_paused_trigger_grps", "quartz_scheduler_state", "quartz_simple_triggers", "quartz_simprop_triggers", "quartz_triggers",
    ];

    // The report mailer too: its deliveries are claimed in the database, and one node a tick sends them.
    private static readonly string[] ClusterScans = ["report-digests", "report-mailer", "sla-watch", "spike-detector", "stale-customer-context", "time-rules"];

    private static readonly TriggerKey PulseTrigger = new("report:pulse", ReportScheduling.Group);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static ReportSchedule Pulse(string cron = "0/2 * * * * ?", string zone = "Europe/Berlin") =>
        new("pulse", "Pulse", [new ReportScheduleKpi("volume")], cron, zone, [new ReportRecipient("lead@example.com")]) { CreatedAt = DateTimeOffset.UtcNow };

    [Fact]
    public async Task Migrating_creates_quartzs_tables_and_the_hubs_scheduler_runs_clustered_on_them()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var node = await HubNode.PostgreSqlAsync(database.ConnectionString);

        var metadata = await node.Scheduler.GetMetadata(Token);
        Assert.Equal(QuartzTables, await ColumnAsync(database, "SELECT table_name FROM information_schema.tables WHERE table_name LIKE 'quartz\\_%' ORDER BY table_name"));
        Assert.True(metadata.JobStoreClustered);
        Assert.True(metadata.JobStorePersistent);
        Assert.Equal(ClusterScans, await TriggerNamesAsync(database));
    }

    [Fact]
    public async Task On_sqlite_the_hubs_scheduler_keeps_the_in_memory_store()
    {
        await using var node = await HubNode.SqliteAsync();

        var metadata = await node.Scheduler.GetMetadata(Token);

        Assert.False(metadata.JobStorePersistent);
        Assert.False(metadata.JobStoreClustered);
    }

    [Fact]
    public async Task A_schedule_saved_on_one_node_is_the_clusters_and_each_firing_runs_on_one_node()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        var firings = new FiringLog();
        var nodes = await Task.WhenAll(HubNode.PostgreSqlAsync(database.ConnectionString, firings), HubNode.PostgreSqlAsync(database.ConnectionString, firings));
        await using var first = nodes[0];
        await using var second = nodes[1];

        await SaveAsync(first, Pulse());

        Assert.NotNull(await second.Scheduler.GetTrigger(PulseTrigger, Token));
        Assert.Equal(["2"], await ColumnAsync(database, "SELECT COUNT(*) FROM quartz_scheduler_state"));
        await Eventually.TrueAsync(() => firings.Firings.Count >= 4, TimeSpan.FromSeconds(30));
        await Task.WhenAll(first.StopAsync(), second.StopAsync());
        await AssertEachFiringRanOnceAsync(database, firings);
    }

    [Fact]
    public async Task Nodes_restarting_together_replace_their_triggers_and_the_schedule_still_fires_once_each_time()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        var firings = new FiringLog();
        await using (var earlier = await HubNode.PostgreSqlAsync(database.ConnectionString, firings))
        {
            await SaveAsync(earlier, Pulse());
        }

        var nodes = await Task.WhenAll(HubNode.PostgreSqlAsync(database.ConnectionString, firings), HubNode.PostgreSqlAsync(database.ConnectionString, firings));
        await using var first = nodes[0];
        await using var second = nodes[1];

        Assert.Equal([.. ClusterScans.Append(PulseTrigger.Name).Order(StringComparer.Ordinal)], await TriggerNamesAsync(database));
        var firedBefore = firings.Firings.Count;
        await Eventually.TrueAsync(() => firings.Firings.Count >= firedBefore + 4, TimeSpan.FromSeconds(30));
        await Task.WhenAll(first.StopAsync(), second.StopAsync());
        await AssertEachFiringRanOnceAsync(database, firings);
    }

    [Fact]
    public async Task A_schedule_changed_on_one_node_and_deleted_on_the_other_changes_the_one_trigger_of_the_cluster()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        var nodes = await Task.WhenAll(HubNode.PostgreSqlAsync(database.ConnectionString), HubNode.PostgreSqlAsync(database.ConnectionString));
        await using var first = nodes[0];
        await using var second = nodes[1];

        await SaveAsync(first, Pulse("0 0 8 ? * MON"));
        await SaveAsync(second, Pulse("0 30 18 ? * FRI", "Asia/Seoul"));

        Assert.Equal(["0 30 18 ? * FRI Asia/Seoul"], await ColumnAsync(database, "SELECT cron_expression || ' ' || time_zone_id FROM quartz_cron_triggers"));
        var seen = Assert.IsType<ICronTrigger>(await first.Scheduler.GetTrigger(PulseTrigger, Token), exactMatch: false);
        Assert.Equal(("0 30 18 ? * FRI", CronTriggerMisfireInstruction.DoNothing), (seen.CronExpressionString, seen.MisfireInstruction));

        await first.Schedules.DeleteAsync("pulse", Token);
        await first.Scheduling.RemoveAsync("pulse", Token);

        Assert.Null(await second.Scheduler.GetTrigger(PulseTrigger, Token));
        Assert.Equal(ClusterScans, await TriggerNamesAsync(database));
    }

    /// <summary>As the API saves one: in the database, then on the scheduler of the node that took the request.</summary>
    private static async Task SaveAsync(HubNode node, ReportSchedule schedule)
    {
        await node.Schedules.SaveAsync(schedule, Token);
        await node.Scheduling.ApplyAsync(schedule, Token);
    }

    /// <summary>No due time fired on two nodes (or twice on one), and each firing made the run for its due time.</summary>
    private static async Task AssertEachFiringRanOnceAsync(PostgresServer.TestDatabase database, FiringLog firings)
    {
        var due = firings.Firings.Select(f => f.Due).ToList();
        Assert.Equal(due.Distinct().Count(), due.Count);
        await using var store = new PostgreSqlDatabase(database.ConnectionString);
        var runs = (await new ReportRuns(store, TimeProvider.System).ListAsync("pulse", Token)).Select(r => r.DueAt).ToHashSet();
        Assert.All(due, d => Assert.Contains(d, runs));
    }

    private static Task<List<string>> TriggerNamesAsync(PostgresServer.TestDatabase database) =>
        ColumnAsync(database, "SELECT trigger_name FROM quartz_triggers ORDER BY trigger_name COLLATE \"C\"");

    private static async Task<List<string>> ColumnAsync(PostgresServer.TestDatabase database, string sql)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(Token);
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(Token);
        var values = new List<string>();
        while (await reader.ReadAsync(Token))
        {
            values.Add(Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture)!);
        }

        return values;
    }
}

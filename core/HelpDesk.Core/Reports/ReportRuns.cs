using System.Text.Json;
using HelpDesk.Core.Storage;

namespace HelpDesk.Core.Reports;

/// <summary>A run of a scheduled report as the archive keeps it.</summary>
public sealed record ReportRun(string Id, string ScheduleId, DateTimeOffset DueAt, DateTimeOffset StartedAt, string Status, string? Error)
{
    public IReadOnlyDictionary<string, string> Html { get; init; } = new Dictionary<string, string>();

    public string? Csv { get; init; }

    public IReadOnlyList<byte[]> Charts { get; init; } = [];

    /// <summary>What its recipients are mailed, per language.</summary>
    public IReadOnlyDictionary<string, ReportMail> Mail { get; init; } = new Dictionary<string, ReportMail>();
}

/// <summary>The report archive (<c>report_runs</c>): one row per schedule and due time, claimed before the run is made.</summary>
public sealed class ReportRuns(Database database, TimeProvider time)
{
    /// <summary>Claims the run of <paramref name="scheduleId"/> due at <paramref name="dueAt"/>; null when another node or an earlier start has it.</summary>
    public async Task<string?> ClaimAsync(string scheduleId, DateTimeOffset dueAt, CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid().ToString("N");
        var claimed = await database.ExecuteAsync(
            "INSERT INTO report_runs (id, schedule_id, due_at, started_at, status) VALUES (@id, @schedule, @due, @at, 'running') ON CONFLICT (schedule_id, due_at) DO NOTHING",
            command => command.With("@id", id).With("@schedule", scheduleId).With("@due", UnixTime.ToMs(dueAt)).With("@at", UnixTime.ToMs(time.GetUtcNow())),
            cancellationToken);
        return claimed == 1 ? id : null;
    }

    /// <summary>Keeps the report and its deliveries in one transaction: a finished run is never without its mail to send.</summary>
    public async Task FinishAsync(string id, RenderedReport report, IReadOnlyList<ReportDelivery> deliveries, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var finish = connection.Command(
            "UPDATE report_runs SET status = 'done', html = @html, csv = @csv, charts = @charts, mail = @mail WHERE id = @id", transaction))
        {
            await finish.With("@id", id).With("@html", JsonSerializer.Serialize(report.Html)).With("@csv", report.Csv)
                .With("@charts", JsonSerializer.Serialize(report.Charts.Select(Convert.ToBase64String))).With("@mail", JsonSerializer.Serialize(report.Mail))
                .ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var delivery in deliveries)
        {
            await using var insert = ReportDeliveries.Bind(connection.Command(ReportDeliveries.InsertSql, transaction), delivery);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public Task FailAsync(string id, string error, CancellationToken cancellationToken) =>
        database.ExecuteAsync(
            "UPDATE report_runs SET status = 'failed', error = @error WHERE id = @id",
            command => command.With("@id", id).With("@error", error),
            cancellationToken);

    public async Task<ReportRun?> GetAsync(string id, CancellationToken cancellationToken) =>
        await database.QueryAsync(
            "SELECT id, schedule_id, due_at, started_at, status, error, html, csv, charts, mail FROM report_runs WHERE id = @id",
            command => command.With("@id", id),
            reader => new ReportRun(reader.GetString(0), reader.GetString(1), UnixTime.FromMs(reader.GetInt64(2)), UnixTime.FromMs(reader.GetInt64(3)), reader.GetString(4), reader.NullableString(5))
            {
                Html = reader.NullableString(6) is { } html ? JsonSerializer.Deserialize<Dictionary<string, string>>(html)! : new Dictionary<string, string>(),
                Csv = reader.NullableString(7),
                Charts = reader.NullableString(8) is { } charts ? [.. JsonSerializer.Deserialize<List<string>>(charts)!.Select(Convert.FromBase64String)] : [],
                Mail = reader.NullableString(9) is { } mail ? JsonSerializer.Deserialize<Dictionary<string, ReportMail>>(mail)! : new Dictionary<string, ReportMail>(),
            },
            cancellationToken) is [var run, ..] ? run : null;

    /// <summary>A schedule's runs, newest first, without their content.</summary>
    public Task<IReadOnlyList<ReportRun>> ListAsync(string scheduleId, CancellationToken cancellationToken) =>
        database.QueryAsync(
            "SELECT id, schedule_id, due_at, started_at, status, error FROM report_runs WHERE schedule_id = @schedule ORDER BY due_at DESC LIMIT 100",
            command => command.With("@schedule", scheduleId),
            reader => new ReportRun(reader.GetString(0), reader.GetString(1), UnixTime.FromMs(reader.GetInt64(2)), UnixTime.FromMs(reader.GetInt64(3)), reader.GetString(4), reader.NullableString(5)),
            cancellationToken);

    /// <summary>When the schedule last ran (its latest due time), or null.</summary>
    public async Task<DateTimeOffset?> LastDueAsync(string scheduleId, CancellationToken cancellationToken) =>
        await database.QueryAsync(
            "SELECT MAX(due_at) FROM report_runs WHERE schedule_id = @schedule",
            command => command.With("@schedule", scheduleId),
            reader => reader.IsDBNull(0) ? (DateTimeOffset?)null : UnixTime.FromMs(reader.GetInt64(0)),
            cancellationToken) is [var last, ..] ? last : null;
}

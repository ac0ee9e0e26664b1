using System.Data.Common;
using HelpDesk.Core.Storage;

namespace HelpDesk.Core.Reports;

/// <summary>
/// The deliveries of report runs (<c>report_deliveries</c>). They are written with the finished run
/// (<see cref="ReportRuns.FinishAsync"/>); an attempt claims its row first, so two nodes never send one at once.
/// </summary>
public sealed class ReportDeliveries(Database database)
{
    internal const string InsertSql = """
        INSERT INTO report_deliveries (run_id, email, language, message_id, status, attempts, next_attempt_at)
        VALUES (@run, @email, @language, @message, 'pending', 0, @next) ON CONFLICT (run_id, email) DO NOTHING
        """;

    private const string Columns = "run_id, email, language, message_id, status, attempts, error, next_attempt_at, sent_at";

    internal static DbCommand Bind(DbCommand command, ReportDelivery delivery) =>
        command.With("@run", delivery.RunId).With("@email", delivery.Email).With("@language", delivery.Language)
            .With("@message", delivery.MessageId).With("@next", UnixTime.ToMs(delivery.NextAttemptAt));

    /// <summary>A run's deliveries, by address.</summary>
    public Task<IReadOnlyList<ReportDelivery>> ListAsync(string runId, CancellationToken cancellationToken) =>
        database.QueryAsync($"SELECT {Columns} FROM report_deliveries WHERE run_id = @run ORDER BY email", c => c.With("@run", runId), Read, cancellationToken);

    /// <summary>Pending deliveries whose next attempt is due, oldest first.</summary>
    public Task<IReadOnlyList<ReportDelivery>> DueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        database.QueryAsync(
            $"SELECT {Columns} FROM report_deliveries WHERE status = 'pending' AND next_attempt_at <= @now ORDER BY next_attempt_at LIMIT {limit}",
            c => c.With("@now", UnixTime.ToMs(now)), Read, cancellationToken);

    /// <summary>
    /// Takes a due delivery for one attempt by moving its next attempt to <paramref name="until"/>: false when another
    /// node took it first or it is no longer due. Should this node die mid-attempt, the claim lapses then.
    /// </summary>
    public async Task<bool> ClaimAsync(ReportDelivery delivery, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken) =>
        await database.ExecuteAsync(
            "UPDATE report_deliveries SET next_attempt_at = @until WHERE run_id = @run AND email = @email AND status = 'pending' AND next_attempt_at <= @now",
            c => c.With("@run", delivery.RunId).With("@email", delivery.Email).With("@now", UnixTime.ToMs(now)).With("@until", UnixTime.ToMs(until)),
            cancellationToken) == 1;

    public Task SentAsync(ReportDelivery delivery, DateTimeOffset at, CancellationToken cancellationToken) =>
        database.ExecuteAsync(
            "UPDATE report_deliveries SET status = 'sent', attempts = attempts + 1, error = NULL, sent_at = @at WHERE run_id = @run AND email = @email",
            c => c.With("@run", delivery.RunId).With("@email", delivery.Email).With("@at", UnixTime.ToMs(at)),
            cancellationToken);

    /// <summary>Records a failed attempt: tried again at <paramref name="retryAt"/>, or given up on when that is null.</summary>
    public Task FailedAsync(ReportDelivery delivery, string error, DateTimeOffset? retryAt, CancellationToken cancellationToken) =>
        database.ExecuteAsync(
            """
            UPDATE report_deliveries SET status = @status, attempts = attempts + 1, error = @error, next_attempt_at = @next
            WHERE run_id = @run AND email = @email
            """,
            c => c.With("@run", delivery.RunId).With("@email", delivery.Email).With("@error", error)
                .With("@status", retryAt is null ? ReportDelivery.Failed : ReportDelivery.Pending).With("@next", UnixTime.ToMs(retryAt ?? delivery.NextAttemptAt)),
            cancellationToken);

    private static ReportDelivery Read(DbDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetInt32(5), r.NullableString(6),
        UnixTime.FromMs(r.GetInt64(7)), UnixTime.FromMs(r.NullableInt64(8)));
}

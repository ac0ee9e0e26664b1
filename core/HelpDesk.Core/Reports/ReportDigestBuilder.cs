using HelpDesk.Core.Storage;
using Microsoft.Extensions.Logging;
using Quartz;

namespace HelpDesk.Core.Reports;

/// <summary>
/// A Quartz job (every <see cref="ReportDigestOptions.BuildInterval"/>, once per cluster) that packs again each
/// quarter hour the facts triggers marked (<see cref="ReportDigests"/>). A quarter hour written again while it was being
/// packed keeps its mark (the mark counts up, and only the count read before packing is taken away), so it is packed
/// again on the next pass; until then reports read its facts.
/// </summary>
[DisallowConcurrentExecution]
public sealed class ReportDigestBuilder(Database database, ILogger<ReportDigestBuilder> logger) : IJob
{
    public static readonly JobKey Key = new("report-digests", "helpdesk");

    private const int BucketsPerTransaction = 64;

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        if (await PassAsync(cancellationToken) is > 1_000 and var packed)
        {
            logger.LogInformation("Report digests packed for {Count} quarter hours", packed);
        }
    }

    /// <summary>Packs every marked quarter hour; returns how many it packed.</summary>
    public async Task<int> PassAsync(CancellationToken cancellationToken)
    {
        var packed = 0;
        while (true)
        {
            var marked = await database.QueryAsync(
                "SELECT anchor, bucket, marks FROM report_digest_marks ORDER BY anchor, bucket LIMIT @limit",
                c => c.With("@limit", BucketsPerTransaction),
                r => (Anchor: r.GetString(0), Bucket: r.GetInt64(1), Marks: r.GetInt64(2)),
                cancellationToken);
            if (marked.Count == 0)
            {
                return packed;
            }

            var unmarked = await PackAsync(marked, cancellationToken);
            packed += marked.Count;
            if (unmarked == 0)
            {
                // Every one of them was written again meanwhile: leave them to the next pass rather than chase a busy writer.
                return packed;
            }
        }
    }

    private async Task<int> PackAsync(IReadOnlyList<(string Anchor, long Bucket, long Marks)> marked, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var unmarked = 0;
        foreach (var (anchor, bucket, marks) in marked)
        {
            var tickets = new List<(string?[] Texts, long?[] Durations)>();
            await using (var read = connection.Command(ReportDigests.FactsOf(ReportDigests.Anchor(anchor)), transaction)
                .With("@from", bucket * ReportRollups.SlotMilliseconds).With("@to", (bucket + 1) * ReportRollups.SlotMilliseconds))
            await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
            {
                var texts = ReportDigests.Texts.Count;
                while (await reader.ReadAsync(cancellationToken))
                {
                    tickets.Add((
                        [.. Enumerable.Range(0, texts).Select(reader.NullableString)],
                        [.. Enumerable.Range(texts, ReportDigests.Durations.Count).Select(reader.NullableInt64)]));
                }
            }

            await using var write = tickets.Count == 0
                ? connection.Command("DELETE FROM report_digests WHERE anchor = @anchor AND bucket = @bucket", transaction)
                : connection.Command("INSERT INTO report_digests (anchor, bucket, data) VALUES (@anchor, @bucket, @data) ON CONFLICT (anchor, bucket) DO UPDATE SET data = excluded.data", transaction)
                    .With("@data", PackedTickets.Pack(tickets));
            await write.With("@anchor", anchor).With("@bucket", bucket).ExecuteNonQueryAsync(cancellationToken);
            await using var unmark = connection.Command("DELETE FROM report_digest_marks WHERE anchor = @anchor AND bucket = @bucket AND marks = @marks", transaction)
                .With("@anchor", anchor).With("@bucket", bucket).With("@marks", marks);
            unmarked += await unmark.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return unmarked;
    }
}

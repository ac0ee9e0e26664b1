using System.Globalization;
using HelpDesk.Core.Queries;
using HelpDesk.Core.Storage;
using HelpDesk.Core.Tickets;
using HelpDesk.Domain.Commands;
using HelpDesk.Domain.Tickets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace HelpDesk.Core.Reports;

/// <summary>A category's or region's volume well above its history.</summary>
public sealed record Spike(string Dimension, string Key, TimeSpan Window, long Tickets, double Mean, double StandardDeviation, IReadOnlyList<long> Samples);

/// <summary>
/// A Quartz job (every <see cref="SpikeOptions.CheckInterval"/>): each category's and each region's tickets in the hour
/// and the day just past, against the same window on the same weekday of the last <see cref="SpikeOptions.Weeks"/>
/// weeks. Above mean + <see cref="SpikeOptions.Sigmas"/> σ (and <see cref="SpikeOptions.MinimumTickets"/>) it opens one
/// internal "spike" ticket naming the numbers and sample tickets, so the lead hears of it before the queue does; while
/// that ticket is open, later windows of the same spike add a note to it instead of opening another.
/// </summary>
[DisallowConcurrentExecution]
public sealed class SpikeDetector(
    Database database, TicketCommands commands, TicketQueries queries, IOptions<SpikeOptions> options, TimeProvider time, ILogger<SpikeDetector> logger) : IJob
{
    public static readonly JobKey Key = new("spike-detector", "helpdesk");
    public static readonly Actor Detector = new(ActorKind.System, "spike-detector", "Spike detector");
    private const string Requester = "spikes@helpdesk.invalid";
    private static readonly (string Name, string Column)[] Dimensions = [("category", "category"), ("region", "customer_region")];

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        if (options.Value.Enabled)
        {
            await PassAsync(time.GetUtcNow(), cancellationToken);
        }
    }

    /// <summary>One look at the windows ending at <paramref name="now"/>; returns the spikes found (each recorded).</summary>
    public async Task<IReadOnlyList<Spike>> PassAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var spikes = new List<Spike>();
        foreach (var window in new[] { TimeSpan.FromHours(1), TimeSpan.FromDays(1) })
        {
            var minimum = window == TimeSpan.FromHours(1) ? settings.MinimumTickets : settings.MinimumTickets * 4;
            foreach (var (name, column) in Dimensions)
            {
                var current = await CountsAsync(column, now - window, now, cancellationToken);
                var history = new List<Dictionary<string, long>>();
                for (var week = 1; week <= settings.Weeks; week++)
                {
                    var end = now.AddDays(-7 * week);
                    history.Add(await CountsAsync(column, end - window, end, cancellationToken));
                }

                foreach (var (key, count) in current)
                {
                    var samples = history.Select(h => (double)h.GetValueOrDefault(key)).ToList();
                    var mean = samples.Average();
                    var deviation = Math.Sqrt(samples.Average(s => (s - mean) * (s - mean)));
                    if (count >= minimum && count > mean + (settings.Sigmas * deviation))
                    {
                        var spike = new Spike(name, key, window, count, mean, deviation, await SamplesAsync(column, key, now - window, now, cancellationToken));
                        spikes.Add(spike);
                        await RecordAsync(spike, now, cancellationToken);
                    }
                }
            }
        }

        return spikes;
    }

    private async Task<Dictionary<string, long>> CountsAsync(string column, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        (await database.QueryAsync(
            $"SELECT t.{column}, COUNT(*) FROM report_facts t WHERE t.created_at >= @from AND t.created_at < @to AND t.{column} IS NOT NULL GROUP BY t.{column}",
            command => command.With("@from", UnixTime.ToMs(from)).With("@to", UnixTime.ToMs(to)),
            reader => (Key: reader.GetString(0), Count: reader.GetInt64(1)),
            cancellationToken)).ToDictionary(r => r.Key, r => r.Count, StringComparer.Ordinal);

    private Task<IReadOnlyList<long>> SamplesAsync(string column, string key, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        database.QueryAsync(
            $"SELECT t.number FROM report_facts t WHERE t.created_at >= @from AND t.created_at < @to AND t.{column} = @key ORDER BY t.created_at DESC, t.number DESC LIMIT 10",
            command => command.With("@from", UnixTime.ToMs(from)).With("@to", UnixTime.ToMs(to)).With("@key", key),
            reader => reader.GetInt64(0),
            cancellationToken);

    private async Task RecordAsync(Spike spike, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var externalId = $"spike:{spike.Dimension}:{spike.Key}";
        var windowName = spike.Window == TimeSpan.FromHours(1) ? "hour" : "day";
        var windowEnd = now.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        var numbers = $"{spike.Tickets} tickets in the {windowName} to {windowEnd}, against {spike.Mean:0.#} ± {spike.StandardDeviation:0.#} on the same weekday of the last weeks. Latest: {string.Join(", ", spike.Samples.Select(n => $"#{n}"))}.";
        var open = (await queries.ListAsync(
            new TicketQuery { ExternalId = externalId, Statuses = [TicketStatus.New, TicketStatus.Open, TicketStatus.Pending, TicketStatus.OnHold], Limit = 1 },
            cancellationToken)).Items is [var first, ..] ? first : null;
        var mark = $"{windowName}:{now.ToUnixTimeSeconds() / 3600}";
        if (open is not null)
        {
            // One note per window and hour, however often the detector looks or how many nodes run it.
            if (open.Fields.GetValueOrDefault($"spike-{windowName}") != mark)
            {
                await commands.UpdateAsync(open.Number, new UpdateTicket { Fields = new Dictionary<string, string?> { [$"spike-{windowName}"] = mark } }, Detector, expectedVersion: null);
                await commands.AddMessageAsync(open.Number, new AddMessage($"Still spiking: {numbers}", MessageVisibility.Internal, Detector), expectedVersion: null);
            }

            return;
        }

        var ticket = new OpenTicket(
            $"Spike: {spike.Tickets} tickets in {spike.Dimension} '{spike.Key}' in the last {windowName}",
            $"The {spike.Dimension} '{spike.Key}' is spiking: {numbers}",
            new Requester(Requester, "Spike detector", null, null, null),
            Channel.Monitoring,
            TicketType.Problem,
            Priority: Priority.High,
            Tags: ["spike"],
            Fields: new Dictionary<string, string> { ["spike-dimension"] = spike.Dimension, ["spike-key"] = spike.Key, [$"spike-{windowName}"] = mark },
            ExternalId: externalId);
        // Keyed by the spike and the hour: two nodes, or two looks in one hour, open it once.
        var opened = await commands.OpenAsync(ticket, Detector, $"{externalId}:{now.ToUnixTimeSeconds() / 3600}", "spike", cancellationToken);
        if (opened.Rejection is { } refused)
        {
            logger.LogWarning("The spike ticket for {Dimension} {Key} was refused: {Field}: {Reason}", spike.Dimension, spike.Key, refused.Field, refused.Message);
        }
    }
}

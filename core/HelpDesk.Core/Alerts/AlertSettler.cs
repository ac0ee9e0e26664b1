using HelpDesk.Core.Storage;
using HelpDesk.Domain.Alerts;
using HelpDesk.Domain.Tickets;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HelpDesk.Core.Alerts;

/// <summary>
/// Flapping is otherwise ended only by a next report: an alert that flapped and then went quiet would leave its ticket
/// unsolved for good. This looks, once a minute, for flapping alerts whose last change is older than the flap window
/// and has their grains settle them.
/// </summary>
public sealed class AlertSettler(Database database, IGrainFactory grains, AlertPolicy policy, TimeProvider time, ILogger<AlertSettler> logger)
    : BackgroundService
{
    public static readonly TimeSpan ScanInterval = TimeSpan.FromMinutes(1);

    private static readonly Actor Settler = new(ActorKind.System, "alerts", "Alert settling");

    // Records are stored as JSON (TicketEventJson: camelCase), so a flapping one says so in its data.
    private const string QuietFlapping = """
        SELECT source, dedup_key FROM alerts WHERE data LIKE '%"flapping":true%' AND updated_at < @quiet_since ORDER BY updated_at LIMIT 500
        """;

    /// <summary>Settles every flapping alert quiet for longer than the flap window; returns how many it looked at.</summary>
    public async Task<int> SettleQuietAsync(CancellationToken cancellationToken)
    {
        var quietSince = UnixTime.ToMs(time.GetUtcNow() - policy.FlapWindow);
        var keys = await database.QueryAsync(
            QuietFlapping, command => command.With("@quiet_since", quietSince), reader => (reader.GetString(0), reader.GetString(1)), cancellationToken);
        foreach (var (source, dedupKey) in keys)
        {
            await grains.GetGrain<IAlertGrain>(AlertKeys.Of(source, dedupKey)).Settle(Settler);
        }

        return keys.Count;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(ScanInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SettleQuietAsync(stoppingToken);
            }
            catch (Exception error) when (error is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                logger.LogError(error, "Settling quiet flapping alerts failed; trying again at the next scan");
            }
        }
    }
}

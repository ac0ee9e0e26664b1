using HelpDesk.Core.EventFeed;
using HelpDesk.Core.Storage;

namespace HelpDesk.Benchmarks;

/// <summary>What a scenario does after seeding a store, so the hub treats the seed as history it has already handled.</summary>
public static class SeededHistory
{
    private static readonly string[] CoreSubscribers = ["sla", "rules", "routing", "escalations", "notifications", "customer-context"];

    /// <summary>The feed's subscribers start after the seeded events, and no report facts are missing, as on a hub that has been running all along.</summary>
    public static async Task StartSubscribersAfterAsync(Database database)
    {
        var checkpoints = new SubscriberCheckpoints(database, TimeProvider.System);
        foreach (var subscriber in CoreSubscribers)
        {
            await checkpoints.StartAtEndOfLogAsync(subscriber, CancellationToken.None);
        }

        // The seed wrote every ticket's report facts with its events, as the projection does.
        await Core.Reports.ReportFactsBackfill.MarkCompleteAsync(database, CancellationToken.None);
    }
}

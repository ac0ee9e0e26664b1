using HelpDesk.Core.Alerts;
using HelpDesk.Core.Storage;
using HelpDesk.Domain.Alerts;

namespace HelpDesk.Core.Tests.Storage;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task An_alert_record_is_stored_found_by_key_replaced_on_save_and_listed_by_ticket()
    {
        var alerts = new AlertStore(Database, Clock);
        var seen = new DateTimeOffset(2026, 11, 22, 9, 58, 12, 345, TimeSpan.Zero);
        var record = new AlertRecord("alertmanager", "bef14209e40016bc", 42, AlertStatus.Firing, 1,
            AlertSeverity.Critical, "Checkout error rate above 5% – EU", seen, seen, null, false, [seen], ["firing@09:58"]);

        await alerts.SaveAsync(record, CancellationToken.None);
        await alerts.SaveAsync(record with { Occurrences = 2, LastSeenAt = seen.AddMinutes(1) }, CancellationToken.None);
        await alerts.SaveAsync(record with { DedupKey = "4c60e57ea1aac62d", Ticket = null }, CancellationToken.None);

        var found = await alerts.FindAsync("alertmanager", "bef14209e40016bc", CancellationToken.None);
        Assert.Equal(record with { Occurrences = 2, LastSeenAt = seen.AddMinutes(1) }, found, AlertRecordComparer.Instance);
        Assert.Null(await alerts.FindAsync("grafana", "bef14209e40016bc", CancellationToken.None));
        Assert.Equal(["bef14209e40016bc"], (await alerts.ForTicketAsync(42, 10, CancellationToken.None)).Select(a => a.DedupKey));
    }

    [Fact]
    public async Task An_append_carrying_an_alert_record_writes_it_in_its_transaction_and_a_conflicting_one_writes_neither()
    {
        var alerts = new AlertStore(Database, Clock);
        var ticket = await OpenTicketAsync();
        var otherActivation = ticket.Fork();
        var seen = Clock.GetUtcNow();
        var record = new AlertRecord("grafana", "8f3a2c9d41b07e56", ticket.Number, AlertStatus.Firing, 1,
            AlertSeverity.Critical, "Checkout p95 latency above 800 ms", seen, seen, null, false, [], []);

        await AppendedAsync(ticket.Note("Alert fired.") with { Alert = record });
        var stale = await Store.AppendAsync(otherActivation.Note("Written on a stale version.") with { Alert = record with { Occurrences = 9 } });

        Assert.Equal(AppendOutcome.VersionConflict, stale);
        Assert.Equal(1, (await alerts.FindAsync("grafana", "8f3a2c9d41b07e56", CancellationToken.None))?.Occurrences);
        Assert.Equal(["8f3a2c9d41b07e56"], (await alerts.ForTicketAsync(ticket.Number, 10, CancellationToken.None)).Select(a => a.DedupKey));
    }

    /// <summary>Records hold lists, which records compare by reference; compare them by content.</summary>
    private sealed class AlertRecordComparer : IEqualityComparer<AlertRecord?>
    {
        public static readonly AlertRecordComparer Instance = new();

        public bool Equals(AlertRecord? x, AlertRecord? y) =>
            x is not null && y is not null
            && x with { StateChanges = [], RecentOccurrences = [] } == y with { StateChanges = [], RecentOccurrences = [] }
            && x.StateChanges.SequenceEqual(y.StateChanges) && x.RecentOccurrences.SequenceEqual(y.RecentOccurrences);

        public int GetHashCode(AlertRecord? obj) => obj?.DedupKey.GetHashCode(StringComparison.Ordinal) ?? 0;
    }
}

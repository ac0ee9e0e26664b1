using HelpDesk.Server.Tests.Infrastructure;
using HelpDesk.TestSupport;

namespace HelpDesk.Server.Tests.Alerts;

/// <summary>
/// A real Alertmanager (Debian's prometheus-alertmanager, installed by .ci/run) notifying a hub that runs the real
/// monitoring connector: alerts posted to Alertmanager's API become one ticket each, and resolving them there solves
/// the tickets. Without the binary the test is skipped locally and fails under CI=true.
/// </summary>
public sealed class AlertmanagerEndToEndTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Alerts_posted_to_a_real_alertmanager_open_one_ticket_each_and_resolving_them_there_solves_the_tickets()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var hub = await MonitoringHub.StartAsync();
        var admin = hub.Admin();
        await using var alertmanager = await AlertmanagerServer.StartAsync(
            new Uri(hub.Address, "/hooks/monitoring/alertmanager"), MonitoringHub.AlertmanagerToken, cancellation);
        var alerts = ContractFixtures.Bytes("alertmanager", "api-v2-post-alerts-firing.json");

        await alertmanager.PostAlertsAsync(alerts, cancellation);
        await Eventually.TrueAsync(async () => (await MonitoringHub.TicketsOfAsync(admin, "alertmanager@monitoring.invalid")).Length == 2, Deadline);

        // A second post of the same alerts is the same problem still firing: Alertmanager re-notifies, the hub opens nothing.
        await alertmanager.PostAlertsAsync(alerts, cancellation);
        await alertmanager.ResolveAsync(ContractFixtures.Bytes("alertmanager", "api-v2-post-alerts-resolve.json"), cancellation);
        await Eventually.TrueAsync(
            async () => (await MonitoringHub.TicketsOfAsync(admin, "alertmanager@monitoring.invalid")).All(t => t.GetProperty("status").GetString() == "solved"),
            Deadline);

        var tickets = await MonitoringHub.TicketsOfAsync(admin, "alertmanager@monitoring.invalid");
        Assert.Equal(2, tickets.Length);
        Assert.Equal(
            ["4c60e57ea1aac62d", "bef14209e40016bc"],
            tickets.Select(t => Assert.Single(t.GetProperty("alerts").EnumerateArray()).GetProperty("dedupKey").GetString()).Order());
        Assert.All(tickets, t => Assert.Equal("resolved", t.GetProperty("alerts")[0].GetProperty("status").GetString()));
    }
}

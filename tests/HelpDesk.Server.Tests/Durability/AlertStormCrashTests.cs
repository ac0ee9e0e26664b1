using System.Net;
using System.Net.Http.Headers;
using HelpDesk.Server.Tests.Alerts;
using HelpDesk.Server.Tests.Infrastructure;
using HelpDesk.TestSupport;

namespace HelpDesk.Server.Tests.Durability;

/// <summary>
/// SIGKILL in the middle of an alert storm. The sender behaves as Alertmanager does (retries network errors and 5xx
/// until answered 2xx); after the restart every alert is on exactly one ticket and the storm has one incident.
/// </summary>
public sealed class AlertStormCrashTests
{
    private const int Notifications = 80;
    private const int AlertsPerNotification = 5;

    [Fact]
    public async Task Killing_the_hub_mid_storm_loses_no_alert_and_opens_no_duplicate_ticket()
    {
        using var data = new TempDirectory();
        var plugins = Path.Combine(data.Path, "plugins");
        FixturePlugins.InstallMonitoring(plugins);
        var environment = MonitoringHub.Environment();
        environment["HELPDESK__PLUGINSDIRECTORY"] = plugins;
        var database = Path.Combine(data.Path, "db");

        var hub = await HubProcess.StartAsync(database, environment);
        try
        {
            await MonitoringHub.WaitUntilRunningAsync(hub.Admin());
            var address = hub.Address;
            var answered = 0;
            var retried = 0;
            var sender = Task.WhenAll(Enumerable.Range(0, 4).Select(lane => Task.Run(async () =>
            {
                for (var n = lane; n < Notifications; n += 4)
                {
                    if (await DeliverAsync(() => Volatile.Read(ref address), AlertmanagerPayloads.Firing(AlertsPerNotification, "StormNodeDown", n * AlertsPerNotification)) > 0)
                    {
                        Interlocked.Increment(ref retried);
                    }

                    Interlocked.Increment(ref answered);
                }
            })));

            await Eventually.TrueAsync(() => Volatile.Read(ref answered) >= Notifications / 3, TimeSpan.FromSeconds(60));
            await hub.KillAsync();
            await hub.DisposeAsync();
            hub = await HubProcess.StartAsync(database, environment);
            await MonitoringHub.WaitUntilRunningAsync(hub.Admin());
            Volatile.Write(ref address, hub.Address);
            await sender.WaitAsync(TimeSpan.FromMinutes(3), TestContext.Current.CancellationToken);

            using var admin = hub.Admin();
            var tickets = await MonitoringHub.TicketsOfAsync(admin, "alertmanager@monitoring.invalid");
            var keysPerTicket = await Task.WhenAll(tickets.Select(async t =>
                (await admin.GetJsonAsync($"/api/v1/tickets/{t.GetProperty("number").GetInt64()}/alerts")).GetProperty("items").EnumerateArray()
                    .Select(a => a.GetProperty("dedupKey").GetString()!).ToList()));
            var keys = keysPerTicket.SelectMany(k => k).ToList();
            Assert.Equal(Notifications * AlertsPerNotification, keys.Count);
            Assert.Equal(keys.Count, keys.Distinct().Count());
            Assert.Single(tickets, t => t.GetProperty("tags").EnumerateArray().Any(tag => tag.GetString() == "alert-storm"));
            Assert.True(Volatile.Read(ref retried) > 0, "No delivery was interrupted: the kill did not happen mid-storm.");
        }
        finally
        {
            await hub.DisposeAsync();
        }
    }

    // Alertmanager's rule: network errors and 5xx are retried, any 4xx is final (and would fail the test).
    /// <returns>How many attempts failed before the hub took it.</returns>
    private static async Task<int> DeliverAsync(Func<Uri> hub, byte[] notification)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var content = new ByteArrayContent(notification);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(hub(), "/hooks/monitoring/alertmanager")) { Content = content };
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", MonitoringHub.AlertmanagerToken);
                using var response = await client.SendAsync(request);
                if (response.IsSuccessStatusCode)
                {
                    return attempt;
                }

                Assert.True((int)response.StatusCode >= 500, $"Alertmanager does not retry {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }
            catch (Exception error) when (error is HttpRequestException or TaskCanceledException)
            {
                // The hub is down or restarting; Alertmanager keeps trying within its flush window.
            }

            Assert.True(attempt < 600, "The hub never took the notification.");
            await Task.Delay(100);
        }
    }
}

using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using HelpDesk.Server.Tests.Infrastructure;
using HelpDesk.TestSupport;

namespace HelpDesk.Server.Tests.Durability;

public sealed class GracefulShutdownTests
{
    [Fact]
    public async Task Sigterm_lets_requests_in_flight_finish_exits_cleanly_and_keeps_every_acknowledged_ticket()
    {
        using var data = new TempDirectory();
        var acknowledged = new ConcurrentBag<long>();
        var serverErrors = new ConcurrentBag<int>();
        int exitCode;
        await using (var hub = await HubProcess.StartAsync(data.Path))
        {
            using var client = hub.Admin();
            var creates = Enumerable.Range(0, 300).Select(async i =>
            {
                try
                {
                    var response = await client.PostAsJsonAsync("/api/v1/tickets", TicketClient.NewTicket($"Shutdown {i}"));
                    if ((int)response.StatusCode >= 500)
                    {
                        serverErrors.Add((int)response.StatusCode);
                    }
                    else if (response.IsSuccessStatusCode)
                    {
                        acknowledged.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetInt64());
                    }
                }
                catch (HttpRequestException)
                {
                    // Refused or closed before it was accepted: the client knows it was not acknowledged.
                }
            }).ToList();
            while (acknowledged.Count < 50)
            {
                await Task.Delay(5);
            }

            exitCode = await hub.TerminateAsync();
            await Task.WhenAll(creates);
        }

        Assert.Equal(0, exitCode);
        Assert.Empty(serverErrors);
        await using var restarted = await HubProcess.StartAsync(data.Path);
        using var reader = restarted.Admin();
        foreach (var number in acknowledged)
        {
            await reader.GetJsonAsync($"/api/v1/tickets/{number}");
        }
    }
}

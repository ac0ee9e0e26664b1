using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HelpDesk.Server.Tests.Infrastructure;
using HelpDesk.TestSupport;

namespace HelpDesk.Server.Tests.Durability;

/// <summary>Acknowledged means on disk: what got a 201 is there after the process dies without warning.</summary>
public sealed class CrashTests
{
    private const int Creates = 500;

    [Fact]
    public async Task Sigkill_during_500_creates_loses_no_acknowledged_ticket_or_event()
    {
        using var data = new TempDirectory();
        var acknowledged = new ConcurrentDictionary<long, string>();
        var unexpected = new ConcurrentBag<string>();
        await using (var hub = await HubProcess.StartAsync(data.Path))
        {
            using var client = hub.Admin();
            var killing = new CancellationTokenSource();
            var creates = Enumerable.Range(0, Creates).Select(i => CreateAsync(client, i, acknowledged, unexpected, killing.Token)).ToList();

            // Kill mid-stream, while many requests are still in flight.
            while (acknowledged.Count < 150 && creates.Any(c => !c.IsCompleted))
            {
                await Task.Delay(5);
            }

            await killing.CancelAsync();
            await hub.KillAsync();
            await Task.WhenAll(creates);
        }

        Assert.Empty(unexpected);
        Assert.InRange(acknowledged.Count, 150, Creates - 1);

        await using var restarted = await HubProcess.StartAsync(data.Path);
        using var reader = restarted.Admin();
        foreach (var (number, subject) in acknowledged)
        {
            var ticket = await reader.GetJsonAsync($"/api/v1/tickets/{number}");
            Assert.Equal(subject, ticket.GetProperty("subject").GetString());
            var events = await reader.GetJsonAsync($"/api/v1/tickets/{number}/events");
            Assert.Equal("ticket-opened", Assert.Single(events.GetProperty("items").EnumerateArray()).GetProperty("type").GetString());
        }

        // The restarted hub carries on: new tickets get numbers no acknowledged ticket holds.
        var after = await reader.CreateTicketAsync();
        Assert.DoesNotContain(after.GetProperty("number").GetInt64(), acknowledged.Keys);
    }

    private static async Task CreateAsync(
        HttpClient client, int index, ConcurrentDictionary<long, string> acknowledged, ConcurrentBag<string> unexpected, CancellationToken killing)
    {
        var subject = $"Crash test ticket {index}";
        try
        {
            var response = await client.PostAsJsonAsync("/api/v1/tickets", TicketClient.NewTicket(subject), CancellationToken.None);
            if (response.StatusCode == HttpStatusCode.Created)
            {
                var body = await response.Content.ReadFromJsonAsync<JsonElement>(CancellationToken.None);
                acknowledged[body.GetProperty("number").GetInt64()] = subject;
            }
            else if (!killing.IsCancellationRequested)
            {
                unexpected.Add($"{index}: {(int)response.StatusCode}");
            }
        }
        catch (Exception error) when (error is HttpRequestException or IOException or JsonException or System.Net.Sockets.SocketException)
        {
            // Once the kill is under way, a broken connection means "never acknowledged"; before it, it is a bug. HttpClient
            // lets a bare SocketException out when the process dies while a connection is being set up.
            if (!killing.IsCancellationRequested)
            {
                unexpected.Add($"{index}: {error.Message}");
            }
        }
    }
}

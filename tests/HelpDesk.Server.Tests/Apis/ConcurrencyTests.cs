using System.Net;
using HelpDesk.Core.Security;
using HelpDesk.Server.Tests.Infrastructure;

namespace HelpDesk.Server.Tests.Apis;

/// <summary>Acceptance 3 (API part): optimistic concurrency through ETag / If-Match, with no event lost or duplicated.</summary>
public sealed class ConcurrencyTests(HubFixture hub) : IClassFixture<HubFixture>
{
    private const int Rounds = 8;

    [Fact]
    public async Task Two_concurrent_patches_with_the_same_if_match_one_wins_the_other_gets_412()
    {
        var admin = hub.App.Admin();
        var number = await admin.CreateTicketNumberAsync(TicketClient.NewTicket(email: "race@example.com"));
        var (first, second) = (await hub.App.NewKeyAsync(ApiKeyScope.Agent), await hub.App.NewKeyAsync(ApiKeyScope.Agent));
        var winners = new List<string>();

        for (var round = 0; round < Rounds; round++)
        {
            using var current = await admin.GetAsync($"/api/v1/tickets/{number}");
            var etag = current.Headers.ETag!.Tag;
            Assert.Equal($"\"{round + 1}\"", etag);

            var responses = await Task.WhenAll(
                first.SendJsonAsync(HttpMethod.Patch, $"/api/v1/tickets/{number}", new { assignee = $"alice{round}" }, etag),
                second.SendJsonAsync(HttpMethod.Patch, $"/api/v1/tickets/{number}", new { assignee = $"bob{round}" }, etag));

            var won = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
            var lost = Assert.Single(responses, r => r.StatusCode != HttpStatusCode.OK);
            await ProblemAssert.IsProblemAsync(lost, HttpStatusCode.PreconditionFailed, "If-Match");
            var ticket = await ProblemAssert.IsSuccessAsync(won, HttpStatusCode.OK);
            Assert.Equal($"\"{round + 2}\"", won.Headers.ETag!.Tag);
            winners.Add(ticket.GetProperty("assignee").GetString()!);
            Assert.Equal(won == responses[0] ? $"alice{round}" : $"bob{round}", winners[^1]);
        }

        var events = await admin.EventsAsync(number);
        Assert.Equal(Enumerable.Range(1, Rounds + 1), events.Select(e => e.GetProperty("version").GetInt32()));
        Assert.Equal(winners, events.Skip(1).Select(e => e.GetProperty("data").GetProperty("assignee").GetString()));
        Assert.Equal(winners[^1], (await admin.GetJsonAsync($"/api/v1/tickets/{number}")).GetProperty("assignee").GetString());
    }

    [Fact]
    public async Task Concurrent_replies_with_the_same_if_match_commit_exactly_one()
    {
        var admin = hub.App.Admin();
        var number = await admin.CreateTicketNumberAsync(TicketClient.NewTicket(email: "race-reply@example.com"));
        await admin.UpdateTicketAsync(number, new { status = "open" });

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            admin.SendJsonAsync(HttpMethod.Post, $"/api/v1/tickets/{number}/messages", new { body = $"Reply {i}" }, "\"2\"")));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        foreach (var lost in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            await ProblemAssert.IsProblemAsync(lost, HttpStatusCode.PreconditionFailed, "If-Match");
        }

        var events = await admin.EventsAsync(number);
        Assert.Equal([1, 2, 3], events.Select(e => e.GetProperty("version").GetInt32()));
        Assert.Equal("agent-replied", events[2].GetProperty("type").GetString());
    }

    [Fact]
    public async Task Concurrent_replies_without_if_match_are_all_kept_once_each_in_order()
    {
        const int Replies = 12;
        var admin = hub.App.Admin();
        var number = await admin.CreateTicketNumberAsync(TicketClient.NewTicket(email: "many-replies@example.com"));
        await admin.UpdateTicketAsync(number, new { status = "open" });
        var clients = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => hub.App.NewKeyAsync(ApiKeyScope.Agent)));

        var responses = await Task.WhenAll(Enumerable.Range(0, Replies).Select(i =>
            clients[i % clients.Length].SendJsonAsync(HttpMethod.Post, $"/api/v1/tickets/{number}/messages", new { body = $"Reply {i}" })));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var events = await admin.EventsAsync(number);
        Assert.Equal(Enumerable.Range(1, Replies + 2), events.Select(e => e.GetProperty("version").GetInt32()));
        var bodies = events.Where(e => e.GetProperty("type").GetString() == "agent-replied").Select(e => e.GetProperty("data").GetProperty("body").GetString());
        Assert.Equal(Enumerable.Range(0, Replies).Select(i => $"Reply {i}").Order(StringComparer.Ordinal), bodies.Order(StringComparer.Ordinal));
        var messages = (await admin.GetJsonAsync($"/api/v1/tickets/{number}/messages")).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(Replies, messages.Count(m => m.GetProperty("kind").GetString() == "reply"));
        Assert.Equal(Replies + 1, (await admin.GetJsonAsync($"/api/v1/tickets/{number}")).GetProperty("publicMessageCount").GetInt32()); // + the description
    }
}

using System.Net.Http.Json;
using HelpDesk.Server.Tests.Infrastructure;
using HelpDesk.TestSupport;

namespace HelpDesk.Server.Tests.Routing;

/// <summary>Tickets moved into a queue without an agent are assigned by the queue's strategy, with the reason on the event.</summary>
public sealed class AutoAssignmentTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly HelpDeskApp _app = HelpDeskApp.Sqlite();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Round_robin_over_three_online_agents_spreads_300_tickets_100_each()
    {
        var admin = _app.Admin();
        await AgentsAsync(admin, ("ana", "en", 1000), ("ben", "en", 1000), ("cho", "en", 1000));
        await QueueAsync(admin, "support", "round-robin", "ana", "ben", "cho");

        var numbers = await Task.WhenAll(Enumerable.Range(0, 300).Select(async i =>
        {
            var number = await admin.CreateTicketNumberAsync(TicketClient.NewTicket($"Question {i}", $"rr{i}@example.com"));
            await admin.UpdateTicketAsync(number, new { queue = "support" });
            return number;
        }));

        var assignees = await AssigneesAsync(admin, numbers);
        Assert.Equal(new Dictionary<string, int> { ["ana"] = 100, ["ben"] = 100, ["cho"] = 100 }, assignees.GroupBy(a => a).ToDictionary(g => g.Key, g => g.Count()));
        var assigned = (await admin.EventsAsync(numbers[0])).Last(e => e.GetProperty("type").GetString() == "assigned");
        Assert.Equal("routing", assigned.GetProperty("actor").GetProperty("id").GetString());
        Assert.StartsWith("Support: round-robin", assigned.GetProperty("data").GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Least_loaded_fills_agents_up_to_their_capacity_and_leaves_the_rest_unassigned()
    {
        var admin = _app.Admin();
        await AgentsAsync(admin, ("dan", "en", 2), ("eve", "en", 5));
        await QueueAsync(admin, "billing", "least-loaded", "dan", "eve");

        var numbers = new List<long>();
        for (var i = 0; i < 9; i++)
        {
            var number = await admin.CreateTicketNumberAsync(TicketClient.NewTicket($"Invoice {i}", $"ll{i}@example.com"));
            await admin.UpdateTicketAsync(number, new { queue = "billing" });
            numbers.Add(number);
            await Eventually.TrueAsync(() => RoutedAsync(admin, number), Patience);
        }

        var assignees = await Task.WhenAll(numbers.Select(async n => Assignee(await admin.GetJsonAsync($"/api/v1/tickets/{n}"))));
        Assert.Equal(2, assignees.Count(a => a == "dan"));
        Assert.Equal(5, assignees.Count(a => a == "eve"));
        Assert.Equal(2, assignees.Count(a => a is null));
        var note = (await admin.EventsAsync(numbers[^1])).Single(e => e.GetProperty("type").GetString() == "internal-note-added");
        Assert.Equal("Not assigned automatically (Billing): no agent online, below capacity.", note.GetProperty("data").GetProperty("body").GetString());
    }

    [Fact]
    public async Task A_korean_ticket_goes_to_the_korean_speaking_agent_who_is_online()
    {
        var admin = _app.Admin();
        await AgentsAsync(admin, ("fay", "en", 100), ("gus", "en", 100), ("hyun", "ko", 100));
        await QueueAsync(admin, "apac", "round-robin", "fay", "gus", "hyun");

        var numbers = new List<long>();
        for (var i = 0; i < 4; i++)
        {
            var number = await admin.CreateTicketNumberAsync(new
            {
                subject = $"로그인이 안 됩니다 {i}",
                description = "비밀번호를 재설정할 수 없습니다.",
                requester = new { email = $"minji{i}@example.kr", language = "ko-KR", timeZone = "Asia/Seoul" },
            });
            await admin.UpdateTicketAsync(number, new { queue = "apac" });
            numbers.Add(number);
        }

        Assert.All(await AssigneesAsync(admin, [.. numbers]), a => Assert.Equal("hyun", a));
    }

    // Routing has dealt with the ticket: it assigned it, or it said on the ticket why not.
    private static async Task<bool> RoutedAsync(HttpClient admin, long number) =>
        Assignee(await admin.GetJsonAsync($"/api/v1/tickets/{number}")) is not null
        || (await admin.EventsAsync(number)).Any(e => e.GetProperty("type").GetString() == "internal-note-added" && e.GetProperty("actor").GetProperty("id").GetString() == "routing");

    private static string? Assignee(System.Text.Json.JsonElement ticket) => ticket.TryGetProperty("assignee", out var assignee) ? assignee.GetString() : null;

    private static async Task AgentsAsync(HttpClient admin, params (string Id, string Language, int Capacity)[] agents)
    {
        foreach (var (id, language, capacity) in agents)
        {
            using var saved = await admin.PutAsJsonAsync($"/api/v1/agents/{id}", new { name = id, email = $"{id}@helpdesk.example", languages = new[] { language }, capacity }, Token);
            saved.EnsureSuccessStatusCode();
            using var online = await admin.PutAsJsonAsync($"/api/v1/agents/{id}/presence", new { presence = "online" }, Token);
            online.EnsureSuccessStatusCode();
        }
    }

    private static async Task QueueAsync(HttpClient admin, string id, string strategy, params string[] members)
    {
        using var saved = await admin.PutAsJsonAsync($"/api/v1/queues/{id}", new { name = char.ToUpperInvariant(id[0]) + id[1..], members, strategy }, Token);
        saved.EnsureSuccessStatusCode();
    }

    private static async Task<string[]> AssigneesAsync(HttpClient admin, long[] numbers)
    {
        string?[] assignees = [];
        await Eventually.TrueAsync(
            async () => (assignees = await Task.WhenAll(numbers.Select(async n => Assignee(await admin.GetJsonAsync($"/api/v1/tickets/{n}"))))).All(a => a is not null),
            Patience);
        return [.. assignees.Select(a => a!)];
    }
}

using System.Net;
using HelpDesk.Core.Security;
using HelpDesk.Server.Tests.Infrastructure;

namespace HelpDesk.Server.Tests.Apis;

/// <summary>GET /api/v1/tickets: keyset paging in a stable order, filters, and customer keys limited to their own tickets.</summary>
public sealed class ListingTests(HubFixture hub) : IClassFixture<HubFixture>
{
    [Fact]
    public async Task Cursor_paging_returns_every_ticket_once_in_the_order_of_a_single_page()
    {
        var (agent, email) = (await hub.App.NewKeyAsync(ApiKeyScope.Agent), Email());
        var created = await CreateManyAsync(agent, email, 7);

        var all = await agent.ListNumbersAsync($"requester={email}&limit=200");
        var (pages, sizes) = await AllPagesAsync(agent, $"requester={email}&limit=3");

        Assert.Equal(created.Reverse(), all); // newest first by default
        Assert.Equal(all, pages);
        Assert.Equal([3, 3, 1], sizes);
    }

    [Theory]
    [InlineData("-created")]
    [InlineData("created")]
    [InlineData("-number")]
    [InlineData("updated")]
    public async Task Tickets_opened_while_paging_neither_shift_nor_repeat_the_pages(string sort)
    {
        var (agent, email) = (await hub.App.NewKeyAsync(ApiKeyScope.Agent), Email());
        var created = await CreateManyAsync(agent, email, 6);

        var first = await PageAsync(agent, $"requester={email}&sort={sort}&limit=2");
        var later = await CreateManyAsync(agent, email, 2);
        var (rest, _) = await AllPagesAsync(agent, $"requester={email}&sort={sort}&limit=2", first.Next);
        var seen = first.Numbers.Concat(rest).ToList();

        Assert.Equal(seen.Distinct(), seen);
        var ascending = !sort.StartsWith('-');
        Assert.Equal(ascending ? [.. created, .. later] : created.Reverse(), seen);
    }

    [Fact]
    public async Task Priority_sort_pages_in_priority_then_number_order()
    {
        var (agent, email) = (await hub.App.NewKeyAsync(ApiKeyScope.Agent), Email());
        var priorities = new[] { "low", "urgent", "normal", "high", "urgent", "low" };
        var numbers = new List<(long Number, int Rank)>();
        foreach (var priority in priorities)
        {
            var number = await agent.CreateTicketNumberAsync(new { subject = "s", description = "d", priority, requester = new { email } });
            numbers.Add((number, Array.IndexOf(["low", "normal", "high", "urgent"], priority)));
        }

        var (pages, _) = await AllPagesAsync(agent, $"requester={email}&sort=-priority&limit=2");

        Assert.Equal(numbers.OrderByDescending(n => n.Rank).ThenByDescending(n => n.Number).Select(n => n.Number), pages);
    }

    [Fact]
    public async Task A_cursor_works_only_with_the_sort_it_came_from()
    {
        var (agent, email) = (await hub.App.NewKeyAsync(ApiKeyScope.Agent), Email());
        await CreateManyAsync(agent, email, 3);
        var page = await PageAsync(agent, $"requester={email}&sort=created&limit=1");

        Assert.Single((await PageAsync(agent, $"requester={email}&sort=created&limit=1&cursor={page.Next}")).Numbers);
        await ProblemAssert.IsProblemAsync(agent.GetAsync($"/api/v1/tickets?requester={email}&sort=-created&cursor={page.Next}"), HttpStatusCode.BadRequest, "cursor");
    }

    [Fact]
    public async Task A_limit_of_200_is_accepted_and_201_is_not()
    {
        var agent = await hub.App.NewKeyAsync(ApiKeyScope.Agent);
        Assert.Equal(HttpStatusCode.OK, (await agent.GetAsync("/api/v1/tickets?limit=200")).StatusCode);
        await ProblemAssert.IsProblemAsync(agent.GetAsync("/api/v1/tickets?limit=201"), HttpStatusCode.BadRequest, "limit");
    }

    [Fact]
    public async Task Filters_combine_and_select_exactly_the_matching_tickets()
    {
        var (agent, email) = (await hub.App.NewKeyAsync(ApiKeyScope.Agent), Email());
        var plain = await agent.CreateTicketNumberAsync(TicketClient.NewTicket(email: email));
        var urgent = await agent.CreateTicketNumberAsync(new { subject = "s", description = "d", priority = "urgent", tags = new[] { "VIP" }, requester = new { email } });
        var assigned = await agent.CreateTicketNumberAsync(TicketClient.NewTicket(email: email));
        await agent.UpdateTicketAsync(assigned, new { assignee = "alice", queue = "billing", status = "pending" });
        var createdAt = (await agent.GetJsonAsync($"/api/v1/tickets/{urgent}")).GetProperty("createdAt").GetString()!;
        var r = $"requester={email}";

        Assert.Equal([assigned], await agent.ListNumbersAsync($"{r}&status=pending,on-hold"));
        Assert.Equal([urgent, plain], await agent.ListNumbersAsync($"{r}&status=new"));
        Assert.Equal([urgent], await agent.ListNumbersAsync($"{r}&priority=urgent,high"));
        Assert.Equal([urgent], await agent.ListNumbersAsync($"{r}&tag=vip"));
        Assert.Equal([assigned], await agent.ListNumbersAsync($"{r}&assignee=alice"));
        Assert.Equal([urgent, plain], await agent.ListNumbersAsync($"{r}&assignee=none"));
        Assert.Equal([assigned], await agent.ListNumbersAsync($"{r}&queue=billing&status=pending"));
        Assert.Empty(await agent.ListNumbersAsync($"{r}&queue=billing&status=new"));
        Assert.DoesNotContain(urgent, await agent.ListNumbersAsync($"{r}&createdTo={Uri.EscapeDataString(createdAt)}"));
        Assert.Contains(urgent, await agent.ListNumbersAsync($"{r}&createdFrom={Uri.EscapeDataString(createdAt)}"));
        Assert.Empty(await agent.ListNumbersAsync($"{r}&createdFrom=2999-01-01T00:00:00Z"));
    }

    [Fact]
    public async Task A_customer_key_lists_only_its_own_tickets_whatever_the_filters_ask()
    {
        var (agent, mine, theirs) = (await hub.App.NewKeyAsync(ApiKeyScope.Agent), Email(), Email());
        var own = await agent.CreateTicketNumberAsync(TicketClient.NewTicket(email: mine));
        var other = await agent.CreateTicketNumberAsync(TicketClient.NewTicket(email: theirs));
        var customer = await hub.App.NewKeyAsync(ApiKeyScope.Integration, mine);

        Assert.Equal([own], await customer.ListNumbersAsync("limit=200"));
        Assert.Equal([own], await customer.ListNumbersAsync($"requester={theirs}"));
        Assert.Equal([other], await agent.ListNumbersAsync($"requester={theirs}"));
    }

    private static async Task<long[]> CreateManyAsync(HttpClient client, string email, int count)
    {
        var numbers = new long[count];
        for (var i = 0; i < count; i++)
        {
            numbers[i] = await client.CreateTicketNumberAsync(TicketClient.NewTicket(subject: $"Ticket {i}", email: email));
        }

        return numbers;
    }

    private static async Task<(long[] Numbers, string? Next)> PageAsync(HttpClient client, string query)
    {
        var page = await client.GetJsonAsync($"/api/v1/tickets?{query}");
        var next = page.TryGetProperty("nextCursor", out var cursor) ? cursor.GetString() : null;
        return ([.. page.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("number").GetInt64())], next);
    }

    private static async Task<(List<long> Numbers, List<int> Sizes)> AllPagesAsync(HttpClient client, string query, string? cursor = null)
    {
        var (numbers, sizes) = (new List<long>(), new List<int>());
        do
        {
            var page = await PageAsync(client, cursor is null ? query : $"{query}&cursor={cursor}");
            numbers.AddRange(page.Numbers);
            sizes.Add(page.Numbers.Length);
            cursor = page.Next;
            Assert.True(sizes.Count < 100, "The cursor never ran out.");
        }
        while (cursor is not null);

        return (numbers, sizes);
    }

    private static string Email() => $"list-{Guid.NewGuid():N}@example.com";
}

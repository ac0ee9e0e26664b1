using System.Net;
using System.Net.Http.Json;
using HelpDesk.Core.Security;
using HelpDesk.Server.Tests.Infrastructure;

namespace HelpDesk.Server.Tests.Apis;

/// <summary>Idempotency-Key on POST /api/v1/tickets: a retry returns the first ticket and never opens a second one.</summary>
public sealed class IdempotencyTests(HubFixture hub) : IClassFixture<HubFixture>
{
    [Fact]
    public async Task A_retried_create_returns_the_first_ticket_marked_as_replayed()
    {
        var (client, key, email) = (await hub.App.NewKeyAsync(ApiKeyScope.Integration), Key(), Email());

        using var first = await CreateAsync(client, key, TicketClient.NewTicket(email: email));
        var opened = await ProblemAssert.IsSuccessAsync(first, HttpStatusCode.Created);
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        using var retry = await CreateAsync(client, key, TicketClient.NewTicket(email: email));
        var replayed = await ProblemAssert.IsSuccessAsync(retry, HttpStatusCode.Created);

        Assert.Equal(["true"], retry.Headers.GetValues("Idempotent-Replayed"));
        Assert.Equal(opened.GetProperty("number").GetInt64(), replayed.GetProperty("number").GetInt64());
        Assert.Equal(opened.GetProperty("createdAt").GetString(), replayed.GetProperty("createdAt").GetString());
        Assert.Single(await client.ListNumbersAsync($"requester={email}"));
    }

    [Fact]
    public async Task The_same_key_with_a_different_body_is_refused_with_409_and_stores_nothing()
    {
        var (client, key, email) = (await hub.App.NewKeyAsync(ApiKeyScope.Integration), Key(), Email());
        using var first = await CreateAsync(client, key, TicketClient.NewTicket(email: email));
        await ProblemAssert.IsSuccessAsync(first, HttpStatusCode.Created);
        var before = await hub.App.SnapshotStoreAsync();

        await ProblemAssert.IsProblemAsync(
            CreateAsync(client, key, TicketClient.NewTicket(subject: "Something else", email: email)), HttpStatusCode.Conflict, "Idempotency-Key");

        Assert.Equal(before, await hub.App.SnapshotStoreAsync());
    }

    [Fact]
    public async Task Concurrent_retries_with_the_same_key_open_exactly_one_ticket()
    {
        var (client, key, email) = (await hub.App.NewKeyAsync(ApiKeyScope.Integration), Key(), Email());

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => CreateAsync(client, key, TicketClient.NewTicket(email: email))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var numbers = await Task.WhenAll(responses.Select(async r => (await r.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("number").GetInt64()));
        var number = Assert.Single(numbers.Distinct());
        Assert.Single(responses, r => !r.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal([number], await client.ListNumbersAsync($"requester={email}"));
        Assert.Equal(["ticket-opened"], (await client.EventsAsync(number)).Select(e => e.GetProperty("type").GetString()));
    }

    [Fact]
    public async Task Keys_are_per_api_key_so_two_callers_with_the_same_key_open_two_tickets()
    {
        var (key, email) = (Key(), Email());
        var one = await hub.App.NewKeyAsync(ApiKeyScope.Integration);
        var other = await hub.App.NewKeyAsync(ApiKeyScope.Integration);

        using var first = await CreateAsync(one, key, TicketClient.NewTicket(email: email));
        using var second = await CreateAsync(other, key, TicketClient.NewTicket(email: email));

        var a = await ProblemAssert.IsSuccessAsync(first, HttpStatusCode.Created);
        var b = await ProblemAssert.IsSuccessAsync(second, HttpStatusCode.Created);
        Assert.False(second.Headers.Contains("Idempotent-Replayed"));
        Assert.NotEqual(a.GetProperty("number").GetInt64(), b.GetProperty("number").GetInt64());
    }

    [Fact]
    public async Task A_refused_create_does_not_use_up_its_key()
    {
        var (client, key, email) = (await hub.App.NewKeyAsync(ApiKeyScope.Integration), Key(), Email());
        var before = await hub.App.SnapshotStoreAsync();

        await ProblemAssert.IsProblemAsync(CreateAsync(client, key, TicketClient.NewTicket(subject: "", email: email)), HttpStatusCode.UnprocessableEntity, "subject");
        Assert.Equal(before, await hub.App.SnapshotStoreAsync());

        using var corrected = await CreateAsync(client, key, TicketClient.NewTicket(email: email));
        await ProblemAssert.IsSuccessAsync(corrected, HttpStatusCode.Created);
        Assert.False(corrected.Headers.Contains("Idempotent-Replayed"));
    }

    private static Task<HttpResponseMessage> CreateAsync(HttpClient client, string key, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/tickets") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request);
    }

    private static string Key() => Guid.NewGuid().ToString();

    private static string Email() => $"idem-{Guid.NewGuid():N}@example.com";
}

using System.Net;
using System.Net.Http.Json;
using HelpDesk.Server.Tests.Infrastructure;

namespace HelpDesk.Server.Tests.Apis;

/// <summary>HelpDesk:Api:MaxRequestBodyBytes is enforced by Kestrel and answered as a 413 problem, with nothing stored.</summary>
public sealed class BodyLimitTests : IAsyncLifetime
{
    private const int Limit = 4096;

    private readonly HelpDeskApp _app = HelpDeskApp.Sqlite(new() { ["HelpDesk:Api:MaxRequestBodyBytes"] = $"{Limit}" });

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_create_over_the_limit_gets_413_and_stores_nothing()
    {
        var client = _app.Admin();
        var before = await _app.SnapshotStoreAsync();

        await ProblemAssert.IsProblemAsync(
            client.PostAsJsonAsync("/api/v1/tickets", TicketClient.NewTicket(description: new string('x', Limit + 1))),
            HttpStatusCode.RequestEntityTooLarge, "body");

        Assert.Equal(before, await _app.SnapshotStoreAsync());
    }

    [Fact]
    public async Task A_chunked_body_over_the_limit_gets_413_and_stores_nothing()
    {
        var client = _app.Admin();
        var before = await _app.SnapshotStoreAsync();
        var body = System.Text.Json.JsonSerializer.Serialize(TicketClient.NewTicket(description: new string('x', 2 * Limit)));

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/tickets") { Content = new ChunkedContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        await ProblemAssert.IsProblemAsync(client.SendAsync(request), HttpStatusCode.RequestEntityTooLarge, "body");

        Assert.Equal(before, await _app.SnapshotStoreAsync());
    }

    [Fact]
    public async Task An_update_or_a_message_over_the_limit_gets_413_and_leaves_the_ticket_as_it_was()
    {
        var client = _app.Admin();
        var number = await client.CreateTicketNumberAsync();
        var before = await _app.SnapshotStoreAsync();

        await ProblemAssert.IsProblemAsync(
            client.PatchAsJsonAsync($"/api/v1/tickets/{number}", new { fields = new { notes = new string('n', Limit) } }),
            HttpStatusCode.RequestEntityTooLarge, "body");
        await ProblemAssert.IsProblemAsync(
            client.PostAsJsonAsync($"/api/v1/tickets/{number}/messages", new { body = new string('m', Limit + 1) }),
            HttpStatusCode.RequestEntityTooLarge, "body");

        Assert.Equal(before, await _app.SnapshotStoreAsync());
    }

    [Fact]
    public async Task A_body_under_the_limit_is_accepted()
    {
        var client = _app.Admin();
        using var response = await client.PostAsJsonAsync("/api/v1/tickets", TicketClient.NewTicket(description: new string('x', Limit - 200)));
        await ProblemAssert.IsSuccessAsync(response, HttpStatusCode.Created);
    }
}

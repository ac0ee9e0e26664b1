using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HelpDesk.Server.Tests.Infrastructure;

namespace HelpDesk.Server.Tests.Apis;

public sealed class TicketLifecycleTests : IAsyncLifetime
{
    private readonly HelpDeskApp _app = HelpDeskApp.Sqlite();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Open_reply_solve_close_is_recorded_as_an_audit_trail()
    {
        var client = _app.Admin();
        var ticket = await client.CreateTicketAsync();
        var number = ticket.GetProperty("number").GetInt64();
        Assert.Equal("new", ticket.GetProperty("status").GetString());

        var reply = await client.PostAsJsonAsync($"/api/v1/tickets/{number}/messages", new { body = "Reset link sent.", visibility = "public" });
        Assert.Equal(HttpStatusCode.Created, reply.StatusCode);
        var solved = await client.PatchAsJsonAsync($"/api/v1/tickets/{number}", new { status = "solved" });
        Assert.Equal(HttpStatusCode.OK, solved.StatusCode);
        var closed = await client.PatchAsJsonAsync($"/api/v1/tickets/{number}", new { status = "closed" });
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);

        var events = await client.GetJsonAsync($"/api/v1/tickets/{number}/events");
        var types = events.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("type").GetString()!).ToArray();
        Assert.Equal(["ticket-opened", "agent-replied", "status-changed", "status-changed", "status-changed"], types);
        Assert.All(events.GetProperty("items").EnumerateArray(), e => Assert.Equal("agent", e.GetProperty("actor").GetProperty("kind").GetString()));

        var final = await client.GetJsonAsync($"/api/v1/tickets/{number}");
        Assert.Equal("closed", final.GetProperty("status").GetString());
        Assert.Equal(5, final.GetProperty("version").GetInt32());
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HelpDesk.Server.Tests.Infrastructure;

namespace HelpDesk.Server.Tests.Routing;

/// <summary>An occasional agent's own key sees only the tickets in their queues or assigned to them, within their dates.</summary>
public sealed class OccasionalAgentTests(HubFixture hub) : IClassFixture<HubFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private async Task<HttpClient> AgentKeyAsync(string agentId)
    {
        var created = await ProblemAssert.IsSuccessAsync(
            await hub.App.Admin().PostAsJsonAsync("/api/v1/api-keys", new { name = $"{agentId}'s key", scope = "agent", agentId }, Token), HttpStatusCode.Created);
        Assert.Equal(agentId, created.GetProperty("agentId").GetString());
        return hub.App.WithKey(created.GetProperty("key").GetString()!);
    }

    [Fact]
    public async Task An_occasional_agent_sees_and_changes_only_their_queues_and_their_tickets_and_acts_as_themselves()
    {
        var admin = hub.App.Admin();
        await admin.PutAsJsonAsync("/api/v1/agents/author-kim", new { name = "Kim (author)", email = "kim@books.example", kind = "occasional", queues = new[] { "books-errata" }, accessUntil = "2099-12-31" }, Token);
        var inQueue = await admin.CreateTicketNumberAsync(TicketClient.NewTicket("Typo on page 12", "reader1@example.com"));
        await admin.UpdateTicketAsync(inQueue, new { queue = "books-errata" });
        var assigned = await admin.CreateTicketNumberAsync(TicketClient.NewTicket("Question for the author", "reader2@example.com"));
        await admin.UpdateTicketAsync(assigned, new { assignee = "author-kim" });
        var elsewhere = await admin.CreateTicketNumberAsync(TicketClient.NewTicket("Refund please", "reader3@example.com"));
        var kim = await AgentKeyAsync("author-kim");

        var listed = (await kim.GetJsonAsync("/api/v1/tickets?limit=200")).GetProperty("items").EnumerateArray().Select(t => t.GetProperty("number").GetInt64()).ToList();
        Assert.Equal([assigned, inQueue], listed);
        Assert.DoesNotContain(elsewhere, listed);
        await ProblemAssert.IsProblemAsync(kim.GetAsync($"/api/v1/tickets/{elsewhere}", Token), HttpStatusCode.NotFound, "number");
        await ProblemAssert.IsProblemAsync(kim.SendJsonAsync(HttpMethod.Patch, $"/api/v1/tickets/{elsewhere}", new { status = "solved" }), HttpStatusCode.NotFound, "number");
        await ProblemAssert.IsProblemAsync(kim.SendJsonAsync(HttpMethod.Post, $"/api/v1/tickets/{elsewhere}/escalations", new { target = "jira" }), HttpStatusCode.NotFound, "number");
        Assert.Equal("new", (await admin.GetJsonAsync($"/api/v1/tickets/{elsewhere}")).GetProperty("status").GetString());

        var answered = await kim.AddMessageAsync(inQueue, "Thanks, fixed in the next printing.");
        var reply = (await admin.EventsAsync(inQueue)).Last(e => e.GetProperty("type").GetString() == "agent-replied");
        Assert.Equal("author-kim", reply.GetProperty("actor").GetProperty("id").GetString());
        Assert.Equal(JsonValueKind.Object, answered.ValueKind);
    }

    [Fact]
    public async Task An_occasional_agents_key_stops_outside_their_dates_and_with_the_agent_and_only_agent_keys_belong_to_one()
    {
        var admin = hub.App.Admin();
        await admin.PutAsJsonAsync("/api/v1/agents/engineer-past", new { name = "Field engineer", email = "fe@example.com", kind = "occasional", queues = new[] { "field" }, accessUntil = "2020-01-31" }, Token);
        await admin.PutAsJsonAsync("/api/v1/agents/full-ana", new { name = "Ana", email = "ana@helpdesk.example" }, Token);
        var expired = await AgentKeyAsync("engineer-past");
        var ana = await AgentKeyAsync("full-ana");

        await ProblemAssert.IsProblemAsync(expired.GetAsync("/api/v1/tickets", Token), HttpStatusCode.Unauthorized, "Authorization");
        await ProblemAssert.IsSuccessAsync(await ana.GetAsync("/api/v1/tickets", Token), HttpStatusCode.OK);
        await admin.DeleteAsync("/api/v1/agents/full-ana", Token);
        await ProblemAssert.IsProblemAsync(ana.GetAsync("/api/v1/tickets", Token), HttpStatusCode.Unauthorized, "Authorization");
        await ProblemAssert.IsProblemAsync(admin.PostAsJsonAsync("/api/v1/api-keys", new { name = "x", scope = "integration", agentId = "engineer-past" }, Token), HttpStatusCode.UnprocessableEntity, "agentId");
        await ProblemAssert.IsProblemAsync(admin.PostAsJsonAsync("/api/v1/api-keys", new { name = "x", scope = "agent", agentId = "nobody" }, Token), HttpStatusCode.UnprocessableEntity, "agentId");
    }
}

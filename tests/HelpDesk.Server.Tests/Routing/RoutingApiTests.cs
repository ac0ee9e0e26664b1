using System.Net;
using System.Net.Http.Json;
using HelpDesk.Core.Security;
using HelpDesk.Server.Tests.Infrastructure;

namespace HelpDesk.Server.Tests.Routing;

public sealed class RoutingApiTests(HubFixture hub) : IClassFixture<HubFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Agents_are_created_then_replaced_by_put_and_occasional_agents_are_listed_apart()
    {
        var admin = hub.App.Admin();

        var created = await ProblemAssert.IsSuccessAsync(
            await admin.PutAsJsonAsync("/api/v1/agents/api-ana", new { name = "Ana", email = "ana@example.com", languages = new[] { "en", "ko" }, timeZone = "Asia/Seoul", capacity = 12 }, Token),
            HttpStatusCode.Created);
        await ProblemAssert.IsSuccessAsync(await admin.PutAsJsonAsync("/api/v1/agents/api-ana", new { name = "Ana K.", email = "ana@example.com" }, Token), HttpStatusCode.OK);
        await ProblemAssert.IsSuccessAsync(
            await admin.PutAsJsonAsync("/api/v1/agents/api-author", new { name = "Book Author", email = "author@example.com", kind = "occasional", queues = new[] { "books" }, accessUntil = "2027-06-30" }, Token),
            HttpStatusCode.Created);

        Assert.Equal(("full", "offline", 12), (created.GetProperty("kind").GetString(), created.GetProperty("presence").GetString(), created.GetProperty("capacity").GetInt32()));
        var replaced = await admin.GetJsonAsync("/api/v1/agents/api-ana");
        Assert.Equal("Ana K.", replaced.GetProperty("name").GetString());
        Assert.Equal(0, replaced.GetProperty("languages").GetArrayLength());
        var occasional = (await admin.GetJsonAsync("/api/v1/agents?kind=occasional")).GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetString()).ToList();
        var full = (await admin.GetJsonAsync("/api/v1/agents?kind=full")).GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetString()).ToList();
        Assert.Contains("api-author", occasional);
        Assert.DoesNotContain("api-ana", occasional);
        Assert.Contains("api-ana", full);
        Assert.DoesNotContain("api-author", full);
    }

    [Fact]
    public async Task Presence_is_reported_and_shown_with_the_time_it_changed()
    {
        var admin = hub.App.Admin();
        await admin.PutAsJsonAsync("/api/v1/agents/api-ben", new { name = "Ben", email = "ben@example.com" }, Token);

        var online = await ProblemAssert.IsSuccessAsync(await admin.PutAsJsonAsync("/api/v1/agents/api-ben/presence", new { presence = "online" }, Token), HttpStatusCode.OK);

        Assert.Equal("online", online.GetProperty("presence").GetString());
        var agent = await admin.GetJsonAsync("/api/v1/agents/api-ben");
        Assert.Equal("online", agent.GetProperty("presence").GetString());
        Assert.Equal(online.GetProperty("since").GetDateTimeOffset(), agent.GetProperty("presenceSince").GetDateTimeOffset());
        await ProblemAssert.IsProblemAsync(admin.PutAsJsonAsync("/api/v1/agents/nobody/presence", new { presence = "online" }, Token), HttpStatusCode.NotFound, "id");
        await ProblemAssert.IsProblemAsync(admin.PutAsJsonAsync("/api/v1/agents/api-ben/presence", new { presence = "busy" }, Token), HttpStatusCode.BadRequest, "presence");
    }

    [Fact]
    public async Task Bad_agents_and_queues_are_refused_naming_the_field_and_change_nothing()
    {
        var admin = hub.App.Admin();

        await ProblemAssert.IsProblemAsync(admin.PutAsJsonAsync("/api/v1/agents/bad-tz", new { name = "X", email = "x@example.com", timeZone = "Mars/Olympus" }, Token), HttpStatusCode.UnprocessableEntity, "timeZone");
        await ProblemAssert.IsProblemAsync(admin.PutAsJsonAsync("/api/v1/agents/bad-mail", new { name = "X", email = "not-an-address" }, Token), HttpStatusCode.UnprocessableEntity, "email");
        await ProblemAssert.IsProblemAsync(admin.PutAsJsonAsync("/api/v1/agents/Bad%20Id", new { name = "X", email = "x@example.com" }, Token), HttpStatusCode.UnprocessableEntity, "id");
        await ProblemAssert.IsProblemAsync(admin.PutAsJsonAsync("/api/v1/agents/bad-cap", new { name = "X", email = "x@example.com", capacity = -1 }, Token), HttpStatusCode.UnprocessableEntity, "capacity");
        await ProblemAssert.IsProblemAsync(admin.PutAsJsonAsync("/api/v1/agents/bad-kind", new { name = "X", email = "x@example.com", accessUntil = "2027-01-01" }, Token), HttpStatusCode.UnprocessableEntity, "kind");
        await ProblemAssert.IsProblemAsync(admin.PutAsJsonAsync("/api/v1/queues/q-bad", new { name = "Q", members = new[] { "no-such-agent" } }, Token), HttpStatusCode.UnprocessableEntity, "members");
        await ProblemAssert.IsProblemAsync(admin.PutAsJsonAsync("/api/v1/queues/q-bad", new { name = "Q", strategy = "random" }, Token), HttpStatusCode.BadRequest, "strategy");

        await ProblemAssert.IsProblemAsync(admin.GetAsync("/api/v1/agents/bad-tz", Token), HttpStatusCode.NotFound, "id");
        await ProblemAssert.IsProblemAsync(admin.GetAsync("/api/v1/queues/q-bad", Token), HttpStatusCode.NotFound, "id");
    }

    [Fact]
    public async Task Only_admins_define_agents_and_customer_keys_see_none_of_them()
    {
        var agentKey = await hub.App.NewKeyAsync(ApiKeyScope.Agent);
        var customer = await hub.App.NewKeyAsync(ApiKeyScope.Integration, "cy@example.com");

        Assert.Equal(HttpStatusCode.Forbidden, (await agentKey.PutAsJsonAsync("/api/v1/agents/api-cy", new { name = "Cy", email = "cy@example.com" }, Token)).StatusCode);
        await ProblemAssert.IsProblemAsync(customer.GetAsync("/api/v1/agents", Token), HttpStatusCode.Forbidden, "scope");
        await ProblemAssert.IsProblemAsync(customer.GetAsync("/api/v1/queues", Token), HttpStatusCode.Forbidden, "scope");
        await ProblemAssert.IsSuccessAsync(await agentKey.GetAsync("/api/v1/queues", Token), HttpStatusCode.OK);
    }
}

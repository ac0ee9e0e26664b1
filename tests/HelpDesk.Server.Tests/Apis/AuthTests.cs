using System.Net;
using System.Net.Http.Json;
using HelpDesk.Core.Security;
using HelpDesk.Server.Tests.Infrastructure;

namespace HelpDesk.Server.Tests.Apis;

public sealed class AuthTests(HubFixture hub) : IClassFixture<HubFixture>
{
    private HelpDeskApp App => hub.App;

    [Fact]
    public async Task No_key_gets_401_with_a_bearer_challenge_and_stores_nothing()
    {
        var client = App.CreateClient();
        var before = await App.SnapshotStoreAsync();

        using var read = await client.GetAsync("/api/v1/tickets");
        await ProblemAssert.IsProblemAsync(read, HttpStatusCode.Unauthorized, "Authorization");
        Assert.Contains(read.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
        await ProblemAssert.IsProblemAsync(client.PostAsJsonAsync("/api/v1/tickets", TicketClient.NewTicket()), HttpStatusCode.Unauthorized, "Authorization");

        Assert.Equal(before, await App.SnapshotStoreAsync());
    }

    [Theory]
    [InlineData("Bearer hd_no_such_key_0123456789")]
    [InlineData("Bearer ")]
    [InlineData("Basic YWRtaW46YWRtaW4=")]
    [InlineData("hd_test_admin_0123456789abcdef")]
    [InlineData("Bearer hd_test_admin_0123456789abcdef_but_longer")]
    public async Task A_bad_or_malformed_key_gets_401(string authorization)
    {
        var client = App.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/tickets");
        Assert.True(request.Headers.TryAddWithoutValidation("Authorization", authorization));

        await ProblemAssert.IsProblemAsync(client.SendAsync(request), HttpStatusCode.Unauthorized, "Authorization");
    }

    [Fact]
    public async Task An_over_long_authorization_header_gets_401()
    {
        var client = App.WithKey(new string('k', 600));
        await ProblemAssert.IsProblemAsync(client.GetAsync("/api/v1/tickets"), HttpStatusCode.Unauthorized, "Authorization");
    }

    [Theory]
    [InlineData(ApiKeyScope.Agent, null)]
    [InlineData(ApiKeyScope.Integration, null)]
    [InlineData(ApiKeyScope.Integration, "scoped@example.com")]
    public async Task A_key_without_admin_scope_gets_403_on_api_keys_and_changes_nothing(ApiKeyScope scope, string? customerEmail)
    {
        var client = await App.NewKeyAsync(scope, customerEmail);
        using var target = await App.Admin().PostAsJsonAsync("/api/v1/api-keys", new { name = "target", scope = "agent" });
        var keyId = (await ProblemAssert.IsSuccessAsync(target, HttpStatusCode.Created)).GetProperty("id").GetString();
        var before = await App.SnapshotStoreAsync();

        await ProblemAssert.IsProblemAsync(client.GetAsync("/api/v1/api-keys"), HttpStatusCode.Forbidden, "Authorization");
        await ProblemAssert.IsProblemAsync(
            client.PostAsJsonAsync("/api/v1/api-keys", new { name = "escalation", scope = "admin" }), HttpStatusCode.Forbidden, "Authorization");
        await ProblemAssert.IsProblemAsync(client.DeleteAsync($"/api/v1/api-keys/{keyId}"), HttpStatusCode.Forbidden, "Authorization");

        Assert.Equal(before, await App.SnapshotStoreAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/tickets")).StatusCode);
    }

    [Fact]
    public async Task An_admin_creates_lists_and_revokes_keys_and_a_revoked_key_stops_working()
    {
        var admin = App.Admin();
        using var created = await admin.PostAsJsonAsync("/api/v1/api-keys", new { name = "Zapier", scope = "integration" });
        var key = await ProblemAssert.IsSuccessAsync(created, HttpStatusCode.Created);
        var id = key.GetProperty("id").GetString()!;
        var secret = key.GetProperty("key").GetString()!;
        Assert.Equal("integration", key.GetProperty("scope").GetString());

        var listed = (await admin.GetJsonAsync("/api/v1/api-keys")).GetProperty("items").EnumerateArray().Single(k => k.GetProperty("id").GetString() == id);
        Assert.Equal("Zapier", listed.GetProperty("name").GetString());
        Assert.False(listed.TryGetProperty("key", out _), "The secret is shown only in the answer to the create.");
        Assert.DoesNotContain(secret, await admin.GetStringAsync("/api/v1/api-keys"), StringComparison.Ordinal);

        var integration = App.WithKey(secret);
        Assert.Equal(HttpStatusCode.OK, (await integration.GetAsync("/api/v1/tickets")).StatusCode); // now cached as valid

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/api-keys/{id}")).StatusCode);

        await ProblemAssert.IsProblemAsync(integration.GetAsync("/api/v1/tickets"), HttpStatusCode.Unauthorized, "Authorization");
        await ProblemAssert.IsProblemAsync(integration.PostAsJsonAsync("/api/v1/tickets", TicketClient.NewTicket()), HttpStatusCode.Unauthorized, "Authorization");
        await ProblemAssert.IsProblemAsync(admin.DeleteAsync($"/api/v1/api-keys/{id}"), HttpStatusCode.NotFound, "id");
        Assert.DoesNotContain(
            (await admin.GetJsonAsync("/api/v1/api-keys")).GetProperty("items").EnumerateArray(), k => k.GetProperty("id").GetString() == id);
    }

    [Fact]
    public async Task A_customer_key_cannot_touch_another_customers_ticket()
    {
        var agent = await App.NewKeyAsync(ApiKeyScope.Agent);
        var theirs = await agent.CreateTicketNumberAsync(TicketClient.NewTicket(email: "other-customer@example.com"));
        var customer = await App.NewKeyAsync(ApiKeyScope.Integration, "auth-customer@example.com");
        var before = await App.SnapshotStoreAsync();

        await ProblemAssert.IsProblemAsync(customer.GetAsync($"/api/v1/tickets/{theirs}"), HttpStatusCode.NotFound, "number");
        await ProblemAssert.IsProblemAsync(customer.GetAsync($"/api/v1/tickets/{theirs}/messages"), HttpStatusCode.NotFound, "number");
        await ProblemAssert.IsProblemAsync(customer.GetAsync($"/api/v1/tickets/{theirs}/events"), HttpStatusCode.NotFound, "number");
        await ProblemAssert.IsProblemAsync(
            customer.PostAsJsonAsync($"/api/v1/tickets/{theirs}/messages", new { body = "Me too" }), HttpStatusCode.NotFound, "number");
        await ProblemAssert.IsProblemAsync(
            customer.PostAsJsonAsync("/api/v1/tickets", TicketClient.NewTicket(email: "other-customer@example.com")), HttpStatusCode.Forbidden, "requester.email");

        Assert.Equal(before, await App.SnapshotStoreAsync());
    }

    [Fact]
    public async Task A_customer_key_opens_tickets_for_its_customer_and_may_reply_but_not_change_them()
    {
        var customer = await App.NewKeyAsync(ApiKeyScope.Integration, "Self-Service@Example.com");
        using var opened = await customer.PostAsJsonAsync("/api/v1/tickets", new { subject = "Invoice missing", description = "November's invoice." });
        var ticket = await ProblemAssert.IsSuccessAsync(opened, HttpStatusCode.Created);
        var number = ticket.GetProperty("number").GetInt64();
        Assert.Equal("self-service@example.com", ticket.GetProperty("requester").GetProperty("email").GetString());

        await customer.AddMessageAsync(number, "Any news?");
        var before = await App.SnapshotStoreAsync();
        await ProblemAssert.IsProblemAsync(customer.PatchAsJsonAsync($"/api/v1/tickets/{number}", new { status = "solved" }), HttpStatusCode.Forbidden, "Authorization");
        await ProblemAssert.IsProblemAsync(
            customer.PostAsJsonAsync($"/api/v1/tickets/{number}/messages", new { body = "psst", visibility = "internal" }), HttpStatusCode.UnprocessableEntity, "visibility");
        Assert.Equal(before, await App.SnapshotStoreAsync());

        var events = await App.Admin().EventsAsync(number);
        Assert.Equal("customer", events[^1].GetProperty("actor").GetProperty("kind").GetString());
    }
}

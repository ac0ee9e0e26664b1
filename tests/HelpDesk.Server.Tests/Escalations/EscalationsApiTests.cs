using System.Net;
using System.Net.Http.Json;
using HelpDesk.Core.Security;
using HelpDesk.Server.Tests.Infrastructure;
using HelpDesk.TestSupport;

namespace HelpDesk.Server.Tests.Escalations;

/// <summary>
/// <c>POST /api/v1/tickets/{number}/escalations</c>: recorded and answered 202 whatever the tracker does; a retried
/// request is the same escalation. With no plugin offering the target, the ticket shows the escalation failing.
/// </summary>
public sealed class EscalationsApiTests(HubFixture hub) : IClassFixture<HubFixture>
{
    private static async Task<HttpResponseMessage> EscalateAsync(HttpClient client, long number, object body, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/tickets/{number}/escalations") { Content = JsonContent.Create(body) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task An_escalation_is_accepted_a_retry_is_the_same_escalation_and_the_ticket_shows_it_failing_without_a_tracker()
    {
        var admin = hub.App.Admin();
        var number = await admin.CreateTicketNumberAsync();

        var first = await ProblemAssert.IsSuccessAsync(await EscalateAsync(admin, number, new { target = "jira", note = "VIP" }, "retry-me"), HttpStatusCode.Accepted);
        var retried = await ProblemAssert.IsSuccessAsync(await EscalateAsync(admin, number, new { target = "jira", note = "VIP" }, "retry-me"), HttpStatusCode.Accepted);

        var id = first.GetProperty("escalation").GetProperty("id").GetString();
        Assert.Equal(id, retried.GetProperty("escalation").GetProperty("id").GetString());
        await Eventually.TrueAsync(
            async () => (await admin.GetJsonAsync($"/api/v1/tickets/{number}")).GetProperty("escalations")[0].GetProperty("state").GetString() == "failing",
            TimeSpan.FromSeconds(15));
        var ticket = await admin.GetJsonAsync($"/api/v1/tickets/{number}");
        Assert.Equal(1, ticket.GetProperty("escalations").GetArrayLength());
        Assert.Contains("jira", ticket.GetProperty("escalations")[0].GetProperty("lastError").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_requests_get_problems_naming_the_field_and_customer_keys_cannot_escalate()
    {
        var admin = hub.App.Admin();
        var number = await admin.CreateTicketNumberAsync();
        var customer = await hub.App.NewKeyAsync(ApiKeyScope.Integration, "ana@example.com");

        await ProblemAssert.IsProblemAsync(EscalateAsync(admin, number, new { project = "OPS" }), HttpStatusCode.UnprocessableEntity, "target");
        await ProblemAssert.IsProblemAsync(EscalateAsync(admin, 987_654_321, new { target = "jira" }), HttpStatusCode.NotFound, "number");
        await ProblemAssert.IsProblemAsync(EscalateAsync(customer, number, new { target = "jira" }), HttpStatusCode.Forbidden, "scope");
        await ProblemAssert.IsProblemAsync(admin.DeleteAsync($"/api/v1/tickets/{number}/links/github/acme%2Fapp%2312", TestContext.Current.CancellationToken), HttpStatusCode.NotFound, "key");
        await ProblemAssert.IsProblemAsync(customer.DeleteAsync($"/api/v1/tickets/{number}/links/jira/OPS-1", TestContext.Current.CancellationToken), HttpStatusCode.Forbidden, "scope");
        Assert.Equal(0, (await admin.GetJsonAsync($"/api/v1/tickets/{number}")).GetProperty("escalations").GetArrayLength());
    }
}

using System.Net;
using System.Net.Http.Json;
using HelpDesk.Core.Security;
using HelpDesk.Server.Tests.Infrastructure;
using HelpDesk.TestSupport;

namespace HelpDesk.Server.Tests.Sla;

/// <summary>A customer's segment, set through the API, picks the SLA policy and drives rules.</summary>
public sealed class SegmentPolicyTests(HubFixture hub) : IClassFixture<HubFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_enterprise_customers_ticket_gets_the_enterprise_policy_and_a_rule_on_segment_tags_it()
    {
        var admin = hub.App.Admin();
        await ProblemAssert.IsSuccessAsync(await admin.PutAsJsonAsync("/api/v1/customers/CIO@Enterprise.example", new { segment = "enterprise", region = "emea" }, Token), HttpStatusCode.OK);
        await ProblemAssert.IsSuccessAsync(await admin.PutAsJsonAsync("/api/v1/sla-policies/seg-enterprise", new
        {
            name = "Enterprise",
            position = -100,
            conditions = new[] { new { field = "customer.segment", @operator = "is", value = "enterprise" } },
            targets = new[] { new { kind = "first-response", minutes = 60 } },
        }, Token), HttpStatusCode.Created);
        await ProblemAssert.IsSuccessAsync(await admin.PutAsJsonAsync("/api/v1/rules/seg-emea", new
        {
            name = "EMEA enterprise to the EMEA queue",
            trigger = "ticket-opened",
            conditions = new object[] { new { field = "customer.region", @operator = "is", value = "emea" } },
            actions = new object[] { new { type = "set-queue", value = "emea-enterprise" } },
        }, Token), HttpStatusCode.Created);

        var enterprise = await admin.CreateTicketNumberAsync(TicketClient.NewTicket("VPN down", "cio@enterprise.example"));
        var other = await admin.CreateTicketNumberAsync(TicketClient.NewTicket("VPN down", "someone@small.example"));

        await Eventually.TrueAsync(async () =>
        {
            var ticket = await admin.GetJsonAsync($"/api/v1/tickets/{enterprise}");
            return ticket.TryGetProperty("sla", out var sla) && sla.GetProperty("policy").GetString() == "seg-enterprise"
                && ticket.TryGetProperty("queue", out var queue) && queue.GetString() == "emea-enterprise";
        }, TimeSpan.FromSeconds(15));
        var plain = await admin.GetJsonAsync($"/api/v1/tickets/{other}");
        Assert.False(plain.TryGetProperty("queue", out _));
        Assert.False(plain.TryGetProperty("sla", out var sla) && sla.GetProperty("policy").GetString() == "seg-enterprise");
        Assert.Equal("enterprise", (await admin.GetJsonAsync("/api/v1/customers/cio@enterprise.example")).GetProperty("segment").GetString());
    }

    [Fact]
    public async Task Bad_customer_records_are_refused_and_customer_keys_cannot_touch_them()
    {
        var admin = hub.App.Admin();
        var customer = await hub.App.NewKeyAsync(ApiKeyScope.Integration, "me@example.com");

        await ProblemAssert.IsProblemAsync(admin.PutAsJsonAsync("/api/v1/customers/not-an-email", new { segment = "x" }, Token), HttpStatusCode.UnprocessableEntity, "email");
        await ProblemAssert.IsProblemAsync(admin.PutAsJsonAsync("/api/v1/customers/a@example.com", new { segment = new string('x', 65) }, Token), HttpStatusCode.UnprocessableEntity, "segment");
        await ProblemAssert.IsProblemAsync(customer.PutAsJsonAsync("/api/v1/customers/me@example.com", new { segment = "vip" }, Token), HttpStatusCode.Forbidden, "scope");
        await ProblemAssert.IsProblemAsync(customer.GetAsync("/api/v1/customers/me@example.com", Token), HttpStatusCode.Forbidden, "scope");
        await ProblemAssert.IsProblemAsync(admin.GetAsync("/api/v1/customers/nobody@example.com", Token), HttpStatusCode.NotFound, "email");
    }
}

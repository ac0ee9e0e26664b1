using System.Net;
using System.Net.Http.Json;
using HelpDesk.Core.Security;
using HelpDesk.Server.Tests.Infrastructure;

namespace HelpDesk.Server.Tests.Alerts;

/// <summary>Reporting alerts over the REST API, for monitoring systems without a connector, and reading them off a ticket.</summary>
public sealed class AlertsApiTests(HubFixture hub) : IClassFixture<HubFixture>
{
    private static object Alert(string source, string status = "firing") => new
    {
        source,
        dedupKey = "disk-full/db-01",
        status,
        severity = "error",
        summary = "Filesystem almost full on db-01",
        details = "Only 7% space left on /var/lib/postgresql.",
        labels = new Dictionary<string, string> { ["team"] = "dba", ["instance"] = "db-01.example.com:9100" },
        links = new[] { new { url = "https://runbooks.example.com/disk-full", text = "Runbook" } },
    };

    [Fact]
    public async Task A_reported_alert_opens_an_incident_listed_on_its_ticket_and_a_repeat_counts_on_it()
    {
        var client = hub.App.Admin();
        var source = $"nagios-{Guid.NewGuid():N}";

        var opened = await ProblemAssert.IsSuccessAsync(await client.PostAsJsonAsync("/api/v1/alerts", Alert(source)), HttpStatusCode.Created);
        var repeated = await ProblemAssert.IsSuccessAsync(await client.PostAsJsonAsync("/api/v1/alerts", Alert(source)), HttpStatusCode.OK);
        var number = opened.GetProperty("ticket").GetInt64();
        var ticket = await client.GetJsonAsync($"/api/v1/tickets/{number}");
        var alerts = await client.GetJsonAsync($"/api/v1/tickets/{number}/alerts");

        Assert.Equal(("opened", "occurred", number, 2), (opened.GetProperty("outcome").GetString(), repeated.GetProperty("outcome").GetString(), repeated.GetProperty("ticket").GetInt64(), repeated.GetProperty("occurrences").GetInt32()));
        Assert.Equal(("incident", "monitoring", "high", "dba"), (ticket.GetProperty("type").GetString(), ticket.GetProperty("channel").GetString(), ticket.GetProperty("priority").GetString(), ticket.GetProperty("queue").GetString()));
        Assert.Contains("| team | dba |", ticket.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Contains("[Runbook](<https://runbooks.example.com/disk-full>)", ticket.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, ticket.GetProperty("alerts")[0].GetProperty("occurrences").GetInt32());
        var listed = Assert.Single(alerts.GetProperty("items").EnumerateArray());
        Assert.Equal((source, "firing", 2), (listed.GetProperty("source").GetString(), listed.GetProperty("status").GetString(), listed.GetProperty("occurrences").GetInt32()));
    }

    [Fact]
    public async Task A_report_without_a_dedup_key_is_a_problem_naming_the_field_and_opens_nothing()
    {
        var client = hub.App.Admin();
        var source = $"nagios-{Guid.NewGuid():N}";

        await ProblemAssert.IsProblemAsync(client.PostAsJsonAsync("/api/v1/alerts", new { source, status = "firing", summary = "Down" }), HttpStatusCode.UnprocessableEntity, "dedupKey");
        await ProblemAssert.IsProblemAsync(client.PostAsJsonAsync("/api/v1/alerts", new { source, dedupKey = "k", summary = "Down" }), HttpStatusCode.UnprocessableEntity, "status");
        await ProblemAssert.IsProblemAsync(client.PostAsJsonAsync("/api/v1/alerts", new { source, dedupKey = "k", status = "exploded", summary = "Down" }), HttpStatusCode.BadRequest, "status");

        Assert.Empty((await client.GetJsonAsync($"/api/v1/tickets?requester={source}@monitoring.invalid")).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task A_key_bound_to_a_customer_cannot_report_alerts()
    {
        var customer = await hub.App.NewKeyAsync(ApiKeyScope.Integration, "ana@example.com");

        await ProblemAssert.IsProblemAsync(customer.PostAsJsonAsync("/api/v1/alerts", Alert("nagios")), HttpStatusCode.Forbidden, "scope");
    }
}

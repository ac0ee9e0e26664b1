using System.Net;
using System.Text;
using System.Text.Json;
using HelpDesk.Server.Tests.Infrastructure;
using HelpDesk.TestSupport;

namespace HelpDesk.Server.Tests.Alerts;

/// <summary>
/// Monitoring payloads from the contracts' fixtures, posted as raw bytes to a hub running the real connector: each
/// sender's firing opens one ticket per alert, a repeat changes nothing or counts, and its resolution solves the ticket.
/// Each test has a hub of its own, because the fixtures' alert keys are fixed.
/// </summary>
public sealed class MonitoringWebhookTests
{
    private static async Task<long[]> NumbersAsync(HttpClient admin, string requester) =>
        [.. (await MonitoringHub.TicketsOfAsync(admin, requester)).Select(t => t.GetProperty("number").GetInt64()).Order()];

    private static async Task<JsonElement> TicketAsync(HttpClient admin, long number) => await admin.GetJsonAsync($"/api/v1/tickets/{number}");

    private static async Task SendAsync(HttpClient client, HttpRequestMessage request, HttpStatusCode expected)
    {
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.True(expected == response.StatusCode, $"Expected {(int)expected}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    [Fact]
    public async Task Alertmanager_firing_opens_one_ticket_per_alert_a_repeat_changes_nothing_and_resolution_solves_them()
    {
        await using var app = await MonitoringHub.StartAsync();
        var client = app.CreateClient();
        var admin = app.Admin();
        var firing = ContractFixtures.Bytes("alertmanager", "webhook-firing-two-alerts.json");

        await SendAsync(client, MonitoringHub.Alertmanager(firing), HttpStatusCode.OK);
        var numbers = await NumbersAsync(admin, "alertmanager@monitoring.invalid");
        var versions = await Task.WhenAll(numbers.Select(async n => (await TicketAsync(admin, n)).GetProperty("version").GetInt32()));
        await SendAsync(client, MonitoringHub.Alertmanager(firing), HttpStatusCode.OK);
        var repeatedVersions = await Task.WhenAll(numbers.Select(async n => (await TicketAsync(admin, n)).GetProperty("version").GetInt32()));
        await SendAsync(client, MonitoringHub.Alertmanager(ContractFixtures.Bytes("alertmanager", "webhook-resolved.json")), HttpStatusCode.OK);

        Assert.Equal(2, numbers.Length);
        Assert.Equal(versions, repeatedVersions);
        var keys = new List<string>();
        foreach (var number in numbers)
        {
            var ticket = await TicketAsync(admin, number);
            Assert.Equal(("solved", "incident", "monitoring", "urgent", "checkout"), (ticket.GetProperty("status").GetString(), ticket.GetProperty("type").GetString(), ticket.GetProperty("channel").GetString(), ticket.GetProperty("priority").GetString(), ticket.GetProperty("queue").GetString()));
            Assert.Contains("[Runbook](<https://runbooks.example.com/checkout/high-error-rate>)", ticket.GetProperty("description").GetString(), StringComparison.Ordinal);
            var alert = Assert.Single(ticket.GetProperty("alerts").EnumerateArray());
            keys.Add(alert.GetProperty("dedupKey").GetString()!);
            Assert.Equal(("resolved", 1), (alert.GetProperty("status").GetString(), alert.GetProperty("occurrences").GetInt32()));
            var events = (await admin.EventsAsync(number)).Select(e => e.GetProperty("type").GetString()).ToList();
            Assert.Contains("internal-note-added", events);
            Assert.Equal("plugin:monitoring", (await admin.EventsAsync(number))[0].GetProperty("actor").GetProperty("id").GetString());
        }

        Assert.Equal(["4c60e57ea1aac62d", "bef14209e40016bc"], keys.Order());
    }

    [Fact]
    public async Task Grafana_firing_and_resolved_fixtures_behave_as_alertmanagers_do()
    {
        await using var app = await MonitoringHub.StartAsync();
        var client = app.CreateClient();
        var admin = app.Admin();

        await SendAsync(client, MonitoringHub.Grafana(ContractFixtures.Bytes("grafana", "webhook-firing.json")), HttpStatusCode.OK);
        await SendAsync(client, MonitoringHub.Grafana(ContractFixtures.Bytes("grafana", "webhook-firing.json")), HttpStatusCode.OK);
        var numbers = await NumbersAsync(admin, "grafana@monitoring.invalid");
        var statusesWhileFiring = await Task.WhenAll(numbers.Select(async n => (await TicketAsync(admin, n)).GetProperty("status").GetString()));
        await SendAsync(client, MonitoringHub.Grafana(ContractFixtures.Bytes("grafana", "webhook-resolved.json")), HttpStatusCode.OK);

        Assert.Equal(2, numbers.Length);
        Assert.All(statusesWhileFiring, s => Assert.Equal("new", s));
        foreach (var number in numbers)
        {
            var ticket = await TicketAsync(admin, number);
            Assert.Equal(("solved", "urgent"), (ticket.GetProperty("status").GetString(), ticket.GetProperty("priority").GetString()));
            Assert.Equal(1, Assert.Single(ticket.GetProperty("alerts").EnumerateArray()).GetProperty("occurrences").GetInt32());
        }
    }

    [Fact]
    public async Task Event_style_trigger_acknowledge_and_resolve_keep_one_ticket_and_answer_in_pagerdutys_shape()
    {
        await using var app = await MonitoringHub.StartAsync();
        var client = app.CreateClient();
        var admin = app.Admin();
        var requester = $"events-{MonitoringHub.EventsRoutingKey}@monitoring.invalid";

        using var accepted = await client.SendAsync(MonitoringHub.Events(ContractFixtures.Bytes("pagerduty-events", "enqueue-trigger.json")), TestContext.Current.CancellationToken);
        var answer = JsonDocument.Parse(await accepted.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        await SendAsync(client, MonitoringHub.Events(ContractFixtures.Bytes("pagerduty-events", "enqueue-trigger.json")), HttpStatusCode.Accepted);
        await SendAsync(client, MonitoringHub.Events(ContractFixtures.Bytes("pagerduty-events", "enqueue-acknowledge.json")), HttpStatusCode.Accepted);
        var acknowledged = await TicketAsync(admin, Assert.Single(await NumbersAsync(admin, requester)));
        await SendAsync(client, MonitoringHub.Events(ContractFixtures.Bytes("pagerduty-events", "enqueue-resolve.json")), HttpStatusCode.Accepted);

        Assert.Equal((HttpStatusCode.Accepted, "application/json"), (accepted.StatusCode, accepted.Content.Headers.ContentType?.MediaType));
        Assert.Equal(("success", "Event processed", "checkout/high-error-rate"), (answer.GetProperty("status").GetString(), answer.GetProperty("message").GetString(), answer.GetProperty("dedup_key").GetString()));
        var alert = Assert.Single(acknowledged.GetProperty("alerts").EnumerateArray());
        Assert.Equal(("acknowledged", 2), (alert.GetProperty("status").GetString(), alert.GetProperty("occurrences").GetInt32()));
        var resolved = await TicketAsync(admin, acknowledged.GetProperty("number").GetInt64());
        Assert.Equal("solved", resolved.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Two_hundred_concurrent_deliveries_of_one_firing_alert_make_one_ticket_counting_two_hundred()
    {
        await using var app = await MonitoringHub.StartAsync();
        var admin = app.Admin();
        var trigger = ContractFixtures.Bytes("pagerduty-events", "enqueue-trigger.json");

        var statuses = await Task.WhenAll(Enumerable.Range(0, 200).Select(async _ =>
        {
            using var client = app.CreateClient();
            using var response = await client.SendAsync(MonitoringHub.Events(trigger), TestContext.Current.CancellationToken);
            return response.StatusCode;
        }));

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Accepted, s));
        var ticket = Assert.Single(await MonitoringHub.TicketsOfAsync(admin, $"events-{MonitoringHub.EventsRoutingKey}@monitoring.invalid"));
        Assert.Equal(200, Assert.Single(ticket.GetProperty("alerts").EnumerateArray()).GetProperty("occurrences").GetInt32());
    }

    [Fact]
    public async Task A_bad_token_or_signature_gets_401_and_a_malformed_payload_400_naming_the_problem_and_neither_opens_anything()
    {
        await using var app = await MonitoringHub.StartAsync();
        var client = app.CreateClient();
        var admin = app.Admin();
        var firing = ContractFixtures.Bytes("alertmanager", "webhook-firing-two-alerts.json");

        await SendAsync(client, MonitoringHub.Alertmanager(firing, token: "wrong"), HttpStatusCode.Unauthorized);
        await SendAsync(client, MonitoringHub.Grafana(ContractFixtures.Bytes("grafana", "webhook-firing.json"), token: "wrong"), HttpStatusCode.Unauthorized);
        await SendAsync(client, MonitoringHub.Events(ContractFixtures.Bytes("pagerduty-events", "enqueue-trigger.json"), secret: "wrong-secret"), HttpStatusCode.Unauthorized);
        using var malformed = await client.SendAsync(MonitoringHub.Alertmanager(Encoding.UTF8.GetBytes("""{"version": "4", "alerts": [""")), TestContext.Current.CancellationToken);
        using var wrongVersion = await client.SendAsync(MonitoringHub.Alertmanager(Encoding.UTF8.GetBytes("""{"version": "3", "alerts": []}""")), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, wrongVersion.StatusCode);
        Assert.Contains("version", await wrongVersion.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Empty((await admin.GetJsonAsync("/api/v1/tickets?limit=100")).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Ten_thousand_alerts_in_one_notification_are_refused_whole_with_413_over_the_size_limit_and_grouped_without_a_5xx_under_it()
    {
        var notification = AlertmanagerPayloads.Firing(10_000);
        Assert.True(notification.Length > 1024 * 1024, $"The payload is {notification.Length} bytes: not over the default limit.");
        await using (var limited = await MonitoringHub.StartAsync())
        {
            await SendAsync(limited.CreateClient(), MonitoringHub.Alertmanager(notification), HttpStatusCode.RequestEntityTooLarge);
            Assert.Empty((await limited.Admin().GetJsonAsync("/api/v1/tickets?limit=100")).GetProperty("items").EnumerateArray());
        }

        await using var app = await MonitoringHub.StartAsync(new()
        {
            ["HelpDesk:PluginHost:MaxWebhookBodyBytes"] = (16 * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["HelpDesk:PluginHost:CallTimeout"] = "00:02:00",
        });
        var client = app.CreateClient();
        client.Timeout = TimeSpan.FromMinutes(3);

        await SendAsync(client, MonitoringHub.Alertmanager(notification), HttpStatusCode.OK);

        var tickets = await MonitoringHub.TicketsOfAsync(app.Admin(), "alertmanager@monitoring.invalid");
        var storm = Assert.Single(tickets, t => t.GetProperty("tags").EnumerateArray().Any(tag => tag.GetString() == "alert-storm"));
        Assert.Equal(new Core.Alerts.AlertOptions().StormThreshold + 1, tickets.Length);
        var grouped = await app.Admin().GetJsonAsync($"/api/v1/tickets/{storm.GetProperty("number").GetInt64()}/alerts");
        Assert.Equal(HelpDesk.Server.Apis.AlertsApi.TicketAlertLimit, grouped.GetProperty("items").GetArrayLength());
        Assert.Equal(Domain.Alerts.AlertTickets.ListedOnTicket, storm.GetProperty("alerts").GetArrayLength());
    }

    [Fact]
    public async Task The_webhook_rate_limit_can_be_set_per_plugin_and_a_refusal_says_when_to_retry()
    {
        await using var app = await MonitoringHub.StartAsync(new()
        {
            ["HelpDesk:PluginHost:WebhooksPerMinute"] = "2",
            ["HelpDesk:PluginHost:WebhooksPerMinuteByPlugin:monitoring"] = "5",
        });
        var client = app.CreateClient();
        var firing = ContractFixtures.Bytes("alertmanager", "webhook-firing-two-alerts.json");

        for (var i = 0; i < 5; i++)
        {
            await SendAsync(client, MonitoringHub.Alertmanager(firing), HttpStatusCode.OK);
        }

        using var refused = await client.SendAsync(MonitoringHub.Alertmanager(firing), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, $"Retry-After: {refused.Headers.RetryAfter}");
    }
}

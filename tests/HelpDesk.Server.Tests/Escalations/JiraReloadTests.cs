using HelpDesk.Server.Tests.Infrastructure;
using HelpDesk.TestSupport;
using HelpDesk.TestSupport.Fakes;

namespace HelpDesk.Server.Tests.Escalations;

public sealed class JiraReloadTests
{
    [Fact]
    public async Task Reloading_the_jira_plugin_while_escalations_are_in_flight_loses_none_and_duplicates_none()
    {
        const int Escalations = 20;
        await using var jira = await FakeJira.StartAsync();
        jira.Latency = TimeSpan.FromMilliseconds(150);
        await using var app = await JiraHub.StartAsync(jira);
        var admin = app.Admin();
        var numbers = new List<long>();
        for (var i = 0; i < Escalations; i++)
        {
            numbers.Add(await admin.CreateTicketNumberAsync(TicketClient.NewTicket($"Outage report {i}")));
        }

        var loadedAt = await LoadedAtAsync(admin);
        var escalating = Task.WhenAll(numbers.Select(n => EscalationClient.EscalateAsync(admin, n, new { target = "jira" })));
        for (var reload = 0; reload < 3; reload++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(400), TestContext.Current.CancellationToken);
            FixturePlugins.Overwrite(app.PluginsDirectory, "jira", "jira", "jira");
        }

        await escalating;
        foreach (var number in numbers)
        {
            var ticket = await EscalationClient.WaitUntilEscalatedAsync(admin, number, TimeSpan.FromSeconds(60));
            Assert.Single(ticket.GetProperty("externalLinks").EnumerateArray());
        }

        await Eventually.TrueAsync(async () => await LoadedAtAsync(admin) > loadedAt, TimeSpan.FromSeconds(15));
        // The reloads came while escalations were in flight: some were done before the last one, some after it.
        var lastReload = await LoadedAtAsync(admin);
        var escalatedAt = new List<DateTimeOffset>();
        foreach (var number in numbers)
        {
            escalatedAt.Add((await admin.EventsAsync(number)).Single(e => e.GetProperty("type").GetString() == "escalated").GetProperty("at").GetDateTimeOffset());
        }

        Assert.Contains(escalatedAt, at => at < lastReload);
        Assert.Contains(escalatedAt, at => at > lastReload);
        Assert.Equal(Escalations, jira.Issues.Count);
        Assert.Equal(Escalations, jira.Issues.Select(i => i.Labels.Single(l => l.StartsWith("hd-", StringComparison.Ordinal))).Distinct().Count());
        var linked = new HashSet<string>();
        foreach (var number in numbers)
        {
            var key = (await admin.GetJsonAsync($"/api/v1/tickets/{number}")).GetProperty("externalLinks")[0].GetProperty("key").GetString()!;
            Assert.True(linked.Add(key), $"{key} is linked to two tickets");
        }
    }

    private static async Task<DateTimeOffset> LoadedAtAsync(HttpClient admin) =>
        (await admin.GetJsonAsync("/api/v1/plugins")).GetProperty("items").EnumerateArray()
            .Single(p => p.GetProperty("id").GetString() == "jira").GetProperty("since").GetDateTimeOffset();
}

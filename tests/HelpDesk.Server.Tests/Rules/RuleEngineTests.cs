using System.Net.Http.Json;
using System.Text.Json;
using HelpDesk.Server.Tests.Infrastructure;
using HelpDesk.TestSupport;

namespace HelpDesk.Server.Tests.Rules;

/// <summary>Rules acting on tickets from the event feed, named as the actor of everything they do.</summary>
public sealed class RuleEngineTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly HelpDeskApp _app = HelpDeskApp.Sqlite();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_rule_on_opening_files_the_ticket_and_a_later_rule_reacts_to_that_once_each_named_in_the_events()
    {
        var admin = _app.Admin();
        await SaveAsync(admin, "refunds", new
        {
            name = "Refunds to billing",
            trigger = "ticket-opened",
            position = 10,
            conditions = new object[] { new { field = "subject", @operator = "contains", value = "refund" } },
            actions = new object[] { new { type = "set-queue", value = "billing" }, new { type = "set-priority", value = "high" } },
        });
        await SaveAsync(admin, "billing-high", new
        {
            name = "Flag high billing tickets",
            trigger = "ticket-updated",
            position = 20,
            conditions = new object[]
            {
                new { field = "queue", @operator = "is", value = "billing" },
                new { field = "priority", @operator = "is", value = "high" },
                new { field = "tags", @operator = "not-contains", value = "finance-review" },
            },
            actions = new object[] { new { type = "add-tags", value = "finance-review" }, new { type = "add-note", value = "Finance reviews high-priority billing tickets." } },
        });

        var number = await admin.CreateTicketNumberAsync(TicketClient.NewTicket("Refund for a double charge"));
        var other = await admin.CreateTicketNumberAsync(TicketClient.NewTicket("Password reset"));

        await Eventually.TrueAsync(async () => (await TagsAsync(admin, number)).Contains("finance-review"), Patience);
        // The rule's note is its own command after the tags: wait for it too before reading the events.
        await Eventually.TrueAsync(async () => (await admin.EventsAsync(number)).Any(e => e.GetProperty("type").GetString() == "internal-note-added"), Patience);
        var ticket = await admin.GetJsonAsync($"/api/v1/tickets/{number}");
        Assert.Equal(("billing", "high"), (ticket.GetProperty("queue").GetString(), ticket.GetProperty("priority").GetString()));
        var events = await admin.EventsAsync(number);
        var byRule = events.Where(e => e.GetProperty("actor").GetProperty("id").GetString()!.StartsWith("rule:", StringComparison.Ordinal))
            .Select(e => (e.GetProperty("type").GetString(), e.GetProperty("actor").GetProperty("id").GetString(), e.GetProperty("actor").GetProperty("name").GetString())).ToList();
        Assert.Equal(
            [
                ("priority-changed", "rule:refunds", "Refunds to billing"),
                ("assigned", "rule:refunds", "Refunds to billing"),
                ("tags-changed", "rule:billing-high", "Flag high billing tickets"),
                ("internal-note-added", "rule:billing-high", "Flag high billing tickets"),
            ],
            byRule);
        Assert.Equal("rule 'Refunds to billing'", events.First(e => e.GetProperty("type").GetString() == "assigned").GetProperty("data").GetProperty("reason").GetString());
        Assert.DoesNotContain(await admin.EventsAsync(other), e => e.GetProperty("actor").GetProperty("id").GetString()!.StartsWith("rule:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_rule_does_not_react_to_its_own_changes_nor_to_rules_after_it()
    {
        var admin = _app.Admin();
        await SaveAsync(admin, "a-late", new
        {
            name = "Late rule",
            trigger = "ticket-updated",
            position = 50,
            conditions = new object[] { new { field = "tags", @operator = "contains", value = "early" }, new { field = "tags", @operator = "not-contains", value = "late" } },
            actions = new object[] { new { type = "add-tags", value = "late" } },
        });
        await SaveAsync(admin, "b-early", new
        {
            name = "Early rule",
            trigger = "ticket-updated",
            position = 5,
            conditions = new object[] { new { field = "tags", @operator = "contains", value = "late" }, new { field = "tags", @operator = "not-contains", value = "again" } },
            actions = new object[] { new { type = "add-tags", value = "again" } },
        });

        // Looks at the same event as the early rule, after it: once it has fired, the early rule has had its chance.
        await SaveAsync(admin, "c-witness", new
        {
            name = "Witness",
            trigger = "ticket-updated",
            position = 100,
            conditions = new object[] { new { field = "tags", @operator = "contains", value = "late" }, new { field = "tags", @operator = "not-contains", value = "witnessed" } },
            actions = new object[] { new { type = "add-tags", value = "witnessed" } },
        });

        var number = await admin.CreateTicketNumberAsync();
        await admin.UpdateTicketAsync(number, new { addTags = new[] { "early" } });

        await Eventually.TrueAsync(async () => (await TagsAsync(admin, number)).Contains("witnessed"), Patience);
        Assert.Equal(["early", "late", "witnessed"], await TagsAsync(admin, number));
        Assert.Single(await admin.EventsAsync(number), e => e.GetProperty("actor").GetProperty("id").GetString() == "rule:a-late");
    }

    private static async Task SaveAsync(HttpClient admin, string id, object rule)
    {
        using var saved = await admin.PutAsJsonAsync($"/api/v1/rules/{id}", rule, Token);
        await ProblemAssert.IsSuccessAsync(saved, System.Net.HttpStatusCode.Created);
    }

    private static async Task<List<string?>> TagsAsync(HttpClient admin, long number) =>
        [.. (await admin.GetJsonAsync($"/api/v1/tickets/{number}")).GetProperty("tags").EnumerateArray().Select(t => t.GetString())];
}

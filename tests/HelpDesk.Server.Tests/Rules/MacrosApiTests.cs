using System.Net;
using System.Net.Http.Json;
using HelpDesk.Core.Security;
using HelpDesk.Server.Tests.Infrastructure;

namespace HelpDesk.Server.Tests.Rules;

public sealed class MacrosApiTests(HubFixture hub) : IClassFixture<HubFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Applying_a_macro_replies_with_its_placeholders_filled_and_does_its_actions_as_the_agent()
    {
        var admin = hub.App.Admin();
        await ProblemAssert.IsSuccessAsync(await admin.PutAsJsonAsync("/api/v1/macros/need-logs", new
        {
            name = "Ask for logs",
            reply = "Hello {{requester.name}}, could you send us the logs for ticket #{{ticket.number}}? — {{agent.name}}",
            actions = new object[] { new { type = "set-status", value = "pending" }, new { type = "add-tags", value = new[] { "waiting-logs" } } },
        }, Token), HttpStatusCode.Created);
        var number = await admin.CreateTicketNumberAsync(TicketClient.NewTicket("Crash on start"));

        var ticket = await ProblemAssert.IsSuccessAsync(await admin.PostAsync($"/api/v1/tickets/{number}/macros/need-logs", null, Token), HttpStatusCode.OK);

        Assert.Equal("pending", ticket.GetProperty("status").GetString());
        Assert.Contains("waiting-logs", ticket.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        var messages = (await admin.GetJsonAsync($"/api/v1/tickets/{number}/messages")).GetProperty("items").EnumerateArray().ToList();
        Assert.Contains(messages, m => m.GetProperty("body").GetString()!.StartsWith($"Hello Ana, could you send us the logs for ticket #{number}?", StringComparison.Ordinal));
        var tagged = (await admin.EventsAsync(number)).Single(e => e.GetProperty("type").GetString() == "tags-changed");
        Assert.Equal("agent", tagged.GetProperty("actor").GetProperty("kind").GetString());
    }

    [Fact]
    public async Task A_macro_with_an_unknown_placeholder_or_action_is_refused_and_customers_cannot_apply_macros()
    {
        var admin = hub.App.Admin();
        var customer = await hub.App.NewKeyAsync(ApiKeyScope.Integration, "macro-customer@example.com");

        await ProblemAssert.IsProblemAsync(admin.PutAsJsonAsync("/api/v1/macros/bad", new { name = "Bad", reply = "Hi {{customer.shoeSize}}" }, Token), HttpStatusCode.BadRequest, "reply");
        await ProblemAssert.IsProblemAsync(admin.PutAsJsonAsync("/api/v1/macros/bad", new { name = "Bad", actions = new[] { new { type = "paint", value = "red" } } }, Token), HttpStatusCode.BadRequest, "actions[0].type");
        await ProblemAssert.IsProblemAsync(admin.PutAsJsonAsync("/api/v1/macros/bad", new { name = "Empty" }, Token), HttpStatusCode.BadRequest, "reply");
        await ProblemAssert.IsProblemAsync(customer.PostAsync("/api/v1/tickets/1/macros/need-logs", null, Token), HttpStatusCode.Forbidden, "scope");
        await ProblemAssert.IsProblemAsync(admin.PostAsync("/api/v1/tickets/1/macros/nope", null, Token), HttpStatusCode.NotFound, "id");
    }
}

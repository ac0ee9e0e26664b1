using System.Net;
using System.Net.Http.Json;
using HelpDesk.Core.Security;
using HelpDesk.Server.Tests.Infrastructure;

namespace HelpDesk.Server.Tests.Rules;

public sealed class RulesApiTests(HubFixture hub) : IClassFixture<HubFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_rule_is_saved_read_listed_in_order_replaced_and_deleted()
    {
        var admin = hub.App.Admin();
        var rule = new
        {
            name = "Refunds to billing",
            trigger = "ticket-opened",
            conditions = new object[] { new { field = "subject", @operator = "contains", value = "refund" } },
            actions = new object[] { new { type = "set-queue", value = "billing" }, new { type = "add-tags", value = new[] { "refund" } } },
        };

        var created = await ProblemAssert.IsSuccessAsync(await admin.PutAsJsonAsync("/api/v1/rules/api-refunds", rule, Token), HttpStatusCode.Created);
        var replaced = await ProblemAssert.IsSuccessAsync(await admin.PutAsJsonAsync("/api/v1/rules/api-refunds", rule with { name = "Refunds" }, Token), HttpStatusCode.OK);

        Assert.Equal(created.GetProperty("position").GetInt32(), replaced.GetProperty("position").GetInt32());
        Assert.Equal("Refunds", (await admin.GetJsonAsync("/api/v1/rules/api-refunds")).GetProperty("name").GetString());
        Assert.Contains((await admin.GetJsonAsync("/api/v1/rules")).GetProperty("items").EnumerateArray(), r => r.GetProperty("id").GetString() == "api-refunds");
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync("/api/v1/rules/api-refunds", Token)).StatusCode);
        await ProblemAssert.IsProblemAsync(admin.GetAsync("/api/v1/rules/api-refunds", Token), HttpStatusCode.NotFound, "id");
    }

    [Fact]
    public async Task An_invalid_rule_is_refused_with_400_naming_the_problem_and_nothing_is_saved()
    {
        var admin = hub.App.Admin();
        object Rule(object condition, object action, string trigger = "ticket-updated") => new { name = "Bad", trigger, conditions = new[] { condition }, actions = new[] { action } };
        var note = new { type = "add-note", value = "hi" };

        var unknownField = await ProblemAssert.IsProblemAsync(admin.PutAsJsonAsync("/api/v1/rules/bad", Rule(new { field = "colour", @operator = "is", value = "red" }, note), Token), HttpStatusCode.BadRequest, "conditions[0].field");
        var wrongType = await ProblemAssert.IsProblemAsync(admin.PutAsJsonAsync("/api/v1/rules/bad", Rule(new { field = "hoursSinceUpdated", @operator = "greater-than", value = "three days" }, note), Token), HttpStatusCode.BadRequest, "conditions[0].value");
        var loop = await ProblemAssert.IsProblemAsync(admin.PutAsJsonAsync("/api/v1/rules/bad", Rule(new { field = "priority", @operator = "is", value = "urgent" }, new { type = "add-tags", value = "vip" }), Token), HttpStatusCode.BadRequest, "conditions");
        await ProblemAssert.IsProblemAsync(admin.PutAsJsonAsync("/api/v1/rules/bad", Rule(new { field = "priority", @operator = "equals", value = "urgent" }, note), Token), HttpStatusCode.BadRequest, "conditions[0].operator");
        await ProblemAssert.IsProblemAsync(admin.PutAsJsonAsync("/api/v1/rules/bad", Rule(new { field = "priority", @operator = "is", value = "urgent" }, new { type = "paint", value = "red" }), Token), HttpStatusCode.BadRequest, "actions[0].type");
        await ProblemAssert.IsProblemAsync(admin.PutAsJsonAsync("/api/v1/rules/bad", new { name = "No trigger", actions = new[] { note } }, Token), HttpStatusCode.BadRequest, "trigger");

        Assert.Contains("Unknown field 'colour'", unknownField.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("number of hours", wrongType.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("trigger itself without end", loop.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await ProblemAssert.IsProblemAsync(admin.GetAsync("/api/v1/rules/bad", Token), HttpStatusCode.NotFound, "id");
    }

    [Fact]
    public async Task Only_admins_save_rules_and_customer_keys_cannot_read_them()
    {
        var agent = await hub.App.NewKeyAsync(ApiKeyScope.Agent);
        var customer = await hub.App.NewKeyAsync(ApiKeyScope.Integration, "rules-customer@example.com");
        var rule = new { name = "X", trigger = "ticket-opened", actions = new[] { new { type = "add-note", value = "hi" } } };

        Assert.Equal(HttpStatusCode.Forbidden, (await agent.PutAsJsonAsync("/api/v1/rules/x", rule, Token)).StatusCode);
        await ProblemAssert.IsProblemAsync(customer.GetAsync("/api/v1/rules", Token), HttpStatusCode.Forbidden, "scope");
        await ProblemAssert.IsSuccessAsync(await agent.GetAsync("/api/v1/rules", Token), HttpStatusCode.OK);
    }
}

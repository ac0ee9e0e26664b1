using System.Text.Json;
using HelpDesk.Domain.Commands;
using HelpDesk.Domain.Rules;
using HelpDesk.Domain.Tickets;

namespace HelpDesk.Domain.Tests.Rules;

public sealed class RuleConditionsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();

    private static TicketState Ticket() => new()
    {
        Number = 7,
        Version = 3,
        Subject = "Checkout fails",
        Description = "Card payments fail since 09:58",
        Status = TicketStatus.Pending,
        Priority = Priority.High,
        Queue = "billing",
        Requester = new Requester("minji@example.kr", "Minji", "ko-KR", "Asia/Seoul", "Hanbit"),
        Tags = new SortedSet<string>(["vip", "eu"], StringComparer.Ordinal),
        Fields = new SortedDictionary<string, string>(new Dictionary<string, string> { ["plan"] = "enterprise" }, StringComparer.Ordinal),
        CreatedAt = Now.AddDays(-5),
        UpdatedAt = Now.AddHours(-80),
    };

    [Theory]
    [InlineData("status", RuleOperator.Is, "\"pending\"", true)]
    [InlineData("status", RuleOperator.In, "[\"new\",\"open\"]", false)]
    [InlineData("priority", RuleOperator.IsNot, "\"urgent\"", true)]
    [InlineData("queue", RuleOperator.Is, "\"BILLING\"", true)]
    [InlineData("assignee", RuleOperator.NotExists, null, true)]
    [InlineData("tags", RuleOperator.Contains, "[\"vip\",\"eu\"]", true)]
    [InlineData("tags", RuleOperator.NotContains, "\"paged\"", true)]
    [InlineData("subject", RuleOperator.Contains, "\"checkout\"", true)]
    [InlineData("requester.language", RuleOperator.Is, "\"ko-KR\"", true)]
    [InlineData("requester.organization", RuleOperator.Is, "\"Hanbit\"", true)]
    [InlineData("fields.plan", RuleOperator.Is, "\"enterprise\"", true)]
    [InlineData("fields.region", RuleOperator.Exists, null, false)]
    [InlineData("hoursSinceUpdated", RuleOperator.GreaterThan, "72", true)]
    [InlineData("hoursSinceCreated", RuleOperator.LessThan, "24", false)]
    public void Conditions_read_the_ticket(string field, RuleOperator op, string? value, bool holds)
    {
        Assert.Equal(holds, RuleConditions.Holds(new RuleCondition(field, op, value is null ? null : Json(value)), Ticket(), Now));
    }

    [Fact]
    public void A_plan_gathers_the_actions_into_one_update_with_the_rule_as_reason()
    {
        var rule = new Rule("vip", "VIP breach", RuleTrigger.SlaBreached, [],
        [
            new("set-priority", Json("\"urgent\"")),
            new("add-tags", Json("[\"breached\"]")),
            new("set-field", Json("{\"name\":\"escalated\",\"value\":\"yes\"}")),
            new("assign-by-queue"),
            new("add-note", Json("\"SLA breached: raised to urgent.\"")),
            new("escalate", Json("{\"target\":\"jira\",\"project\":\"OPS\"}")),
        ]);

        var plan = RuleActions.Plan(rule);

        Assert.Equal(Priority.Urgent, plan.Update!.Priority);
        Assert.Equal(["breached"], plan.Update.AddTags);
        Assert.Equal("yes", plan.Update.Fields!["escalated"]);
        Assert.Equal("rule 'VIP breach'", plan.Update.Reason);
        Assert.True(plan.AssignByQueue);
        Assert.Equal(["SLA breached: raised to urgent."], plan.Notes);
        Assert.Equal(new RuleEscalation("jira", "OPS", null, null), plan.Escalation);
    }

    [Fact]
    public void A_plan_without_property_changes_has_no_update()
    {
        Assert.Null(RuleActions.Plan(new Rule("n", "Note", RuleTrigger.TicketOpened, [], [new("add-note", Json("\"hi\""))])).Update);
    }
}

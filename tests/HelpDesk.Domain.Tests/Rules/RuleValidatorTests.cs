using System.Text.Json;
using HelpDesk.Domain.Rules;

namespace HelpDesk.Domain.Tests.Rules;

public sealed class RuleValidatorTests
{
    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();

    private static Rule Rule(RuleTrigger trigger, RuleCondition[] conditions, params RuleAction[] actions) => new("r1", "A rule", trigger, conditions, actions);

    [Fact]
    public void A_sound_rule_passes()
    {
        var rule = Rule(
            RuleTrigger.TicketUpdated,
            [new("priority", RuleOperator.Is, Json("\"urgent\"")), new("tags", RuleOperator.NotContains, Json("\"paged\""))],
            new RuleAction("add-tags", Json("[\"paged\"]")), new RuleAction("set-queue", Json("\"incident\"")));

        Assert.Null(RuleValidator.Check(rule));
    }

    [Theory]
    [InlineData("colour", "is", "\"red\"", "conditions[0].field", "Unknown field 'colour'")]
    [InlineData("priority", "is", "5", "conditions[0].value", "is a string")]
    [InlineData("priority", "is", "\"extreme\"", "conditions[0].value", "'extreme' is not one of low, normal, high, urgent")]
    [InlineData("hoursSinceUpdated", "greater-than", "\"three days\"", "conditions[0].value", "is a number of hours")]
    [InlineData("hoursSinceUpdated", "is", "3", "conditions[0].operator", "takes the operators greater-than, less-than")]
    [InlineData("status", "in", "\"open\"", "conditions[0].value", "is a list of strings")]
    [InlineData("queue", "exists", "\"x\"", "conditions[0].value", "takes no value")]
    public void A_bad_condition_is_refused_naming_where_and_why(string field, string op, string value, string at, string message)
    {
        var rule = Rule(RuleTrigger.TicketOpened, [new(field, Enum.Parse<RuleOperator>(op.Replace("-", "", StringComparison.Ordinal), ignoreCase: true), Json(value))], new RuleAction("add-note", Json("\"hi\"")));

        var rejection = RuleValidator.Check(rule);

        Assert.Equal(at, rejection?.Field);
        Assert.Contains(message, rejection!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("paint", "\"red\"", "actions[0].type")]
    [InlineData("set-priority", "\"extreme\"", "actions[0].value")]
    [InlineData("add-tags", "7", "actions[0].value")]
    [InlineData("set-field", "\"x\"", "actions[0].value")]
    [InlineData("escalate", "{\"project\":\"OPS\"}", "actions[0].value")]
    [InlineData("notify", "\"assignee\"", "actions[0].value")]
    public void A_bad_action_is_refused_naming_where(string type, string value, string at)
    {
        var rejection = RuleValidator.Check(Rule(RuleTrigger.TicketOpened, [], new RuleAction(type, Json(value))));

        Assert.Equal(at, rejection?.Field);
    }

    [Fact]
    public void A_rule_on_updates_whose_actions_keep_its_conditions_true_is_refused_as_a_loop()
    {
        var loop = Rule(RuleTrigger.TicketUpdated, [new("priority", RuleOperator.Is, Json("\"urgent\""))], new RuleAction("add-tags", Json("\"vip\"")));

        var rejection = RuleValidator.Check(loop);

        Assert.Equal("conditions", rejection?.Field);
        Assert.Contains("trigger itself without end", rejection!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tags", "not-contains", "\"vip\"", "add-tags", "\"vip\"")]
    [InlineData("tags", "contains", "\"new\"", "remove-tags", "\"new\"")]
    [InlineData("queue", "not-exists", null, "set-queue", "\"triage\"")]
    [InlineData("priority", "is-not", "\"urgent\"", "set-priority", "\"urgent\"")]
    [InlineData("status", "in", "[\"new\",\"open\"]", "set-status", "\"pending\"")]
    public void A_rule_on_updates_with_a_condition_its_actions_make_false_is_accepted(string field, string op, string? value, string action, string argument)
    {
        var condition = new RuleCondition(field, Enum.Parse<RuleOperator>(op.Replace("-", "", StringComparison.Ordinal), ignoreCase: true), value is null ? null : Json(value));

        Assert.Null(RuleValidator.Check(Rule(RuleTrigger.TicketUpdated, [condition], new RuleAction(action, Json(argument)))));
    }

    [Fact]
    public void Time_based_rules_must_undo_their_own_conditions_and_notes_only_rules_on_updates_are_fine()
    {
        var nagging = Rule(RuleTrigger.Time, [new("status", RuleOperator.Is, Json("\"pending\""))], new RuleAction("add-note", Json("\"Reminder\"")));
        var reminding = Rule(RuleTrigger.Time, [new("status", RuleOperator.Is, Json("\"pending\"")), new("hoursSinceUpdated", RuleOperator.GreaterThan, Json("72"))], new RuleAction("add-note", Json("\"Reminder\"")));
        var noting = Rule(RuleTrigger.TicketUpdated, [new("priority", RuleOperator.Is, Json("\"urgent\""))], new RuleAction("add-note", Json("\"Urgent now\"")));

        Assert.Contains("fire again at every check", RuleValidator.Check(nagging)!.Message, StringComparison.Ordinal);
        Assert.Null(RuleValidator.Check(reminding));
        Assert.Null(RuleValidator.Check(noting));
    }
}

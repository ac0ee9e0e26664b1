using HelpDesk.Domain.Rules;

namespace HelpDesk.Server.Contracts;

/// <summary>The body of <c>PUT /api/v1/rules/{id}</c>: the whole rule.</summary>
public sealed record RuleRequest(
    string? Name, RuleTrigger? Trigger, IReadOnlyList<RuleCondition>? Conditions, IReadOnlyList<RuleAction>? Actions, bool? Enabled, int? Position);

using HelpDesk.Core.Rules;
using HelpDesk.Domain.Rules;
using HelpDesk.Server.Contracts;
using HelpDesk.Server.Http;
using HelpDesk.Server.Security;

namespace HelpDesk.Server.Apis;

/// <summary>
/// <c>/api/v1/rules</c>: automation rules as data. Admins save them (PUT is create-or-replace, checked first: a rule
/// with an unknown field, a value of the wrong type or a loop on itself is refused with 400 naming the part at fault);
/// the support team reads them.
/// </summary>
public static class RulesApi
{
    public static IEndpointRouteBuilder MapRulesApiV1(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/rules").WithTags("Rules");
        group.MapGet("/", async (HttpContext http, RulesStore rules, CancellationToken ct) =>
            StaffRequests.HiddenFromCustomers(http, "the support team's rules") ?? Results.Json(new ItemsResponse<Rule>(await rules.ListAsync(ct)), ApiJson.Options))
            .RequireAuthorization(Policies.Tickets).WithName("ListRules");
        group.MapGet("/{id}", async (string id, HttpContext http, RulesStore rules, CancellationToken ct) =>
            StaffRequests.HiddenFromCustomers(http, "the support team's rules") ?? (await rules.GetAsync(id, ct) is { } rule ? Results.Json(rule, ApiJson.Options) : ApiProblems.NoSuch("rule", id)))
            .RequireAuthorization(Policies.Tickets).WithName("GetRule");
        group.MapPut("/{id}", SaveAsync).RequireAuthorization(Policies.Admin).WithName("SaveRule");
        group.MapDelete("/{id}", async (string id, RulesStore rules, CancellationToken ct) => await rules.DeleteAsync(id, ct) ? Results.NoContent() : ApiProblems.NoSuch("rule", id))
            .RequireAuthorization(Policies.Admin).WithName("DeleteRule");
        return routes;
    }

    private static async Task<IResult> SaveAsync(string id, HttpContext http, RulesStore rules, CancellationToken cancellationToken)
    {
        var (body, _, problem) = await JsonBody.ReadAsync<RuleRequest>(http.Request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (body!.Trigger is not { } trigger)
        {
            return ApiProblems.BadRequest("trigger", $"trigger is one of {string.Join(", ", Enum.GetValues<RuleTrigger>().Select(RuleFields.Word))}.");
        }

        var existing = await rules.GetAsync(id, cancellationToken);
        var position = body.Position ?? existing?.Position ?? await NextPositionAsync(rules, cancellationToken);
        var rule = new Rule(id, body.Name?.Trim() ?? "", trigger, body.Conditions ?? [], body.Actions ?? []) { Enabled = body.Enabled ?? true, Position = position };
        if (rule.Conditions.Any(c => c is null) || rule.Actions.Any(a => a is null))
        {
            return ApiProblems.BadRequest(rule.Conditions.Any(c => c is null) ? "conditions" : "actions", "Conditions and actions are objects, not null.");
        }

        if (RuleValidator.Check(rule) is { } rejection)
        {
            return ApiProblems.BadRequest(rejection.Field, rejection.Message);
        }

        var created = await rules.SaveAsync(rule, cancellationToken);
        return Results.Json(rule, ApiJson.Options, statusCode: created ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    private static async Task<int> NextPositionAsync(RulesStore rules, CancellationToken cancellationToken) =>
        (await rules.ListAsync(cancellationToken)).Select(r => r.Position).DefaultIfEmpty(0).Max() + 10;


}

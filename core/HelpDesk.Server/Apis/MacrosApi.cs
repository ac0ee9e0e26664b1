using HelpDesk.Core.Queries;
using HelpDesk.Core.Rules;
using HelpDesk.Core.Tickets;
using HelpDesk.Domain.Commands;
using HelpDesk.Domain.Rules;
using HelpDesk.Domain.Tickets;
using HelpDesk.Server.Contracts;
using HelpDesk.Server.Http;
using HelpDesk.Server.Security;

namespace HelpDesk.Server.Apis;

/// <summary>
/// <c>/api/v1/macros</c> (canned responses: a reply with placeholders and actions) and
/// <c>POST /api/v1/tickets/{number}/macros/{id}</c>, which applies one as the calling agent.
/// </summary>
public static class MacrosApi
{
    public sealed record MacroRequest(string? Name, string? Reply, MessageVisibility? Visibility, IReadOnlyList<RuleAction>? Actions);

    public static IEndpointRouteBuilder MapMacrosApiV1(this IEndpointRouteBuilder routes)
    {
        var macros = routes.MapGroup("/api/v1/macros").WithTags("Macros");
        macros.MapGet("/", async (HttpContext http, MacroStore store, CancellationToken ct) =>
            StaffRequests.HiddenFromCustomers(http, "macros") ?? Results.Json(new ItemsResponse<Macro>(await store.ListAsync(ct)), ApiJson.Options)).RequireAuthorization(Policies.Tickets).WithName("ListMacros");
        macros.MapGet("/{id}", async (string id, HttpContext http, MacroStore store, CancellationToken ct) =>
            StaffRequests.HiddenFromCustomers(http, "macros") ?? (await store.GetAsync(id, ct) is { } m ? Results.Json(m, ApiJson.Options) : ApiProblems.NoSuch("macro", id))).RequireAuthorization(Policies.Tickets).WithName("GetMacro");
        macros.MapPut("/{id}", SaveAsync).RequireAuthorization(Policies.Admin).WithName("SaveMacro");
        macros.MapDelete("/{id}", async (string id, MacroStore store, CancellationToken ct) => await store.DeleteAsync(id, ct) ? Results.NoContent() : ApiProblems.NoSuch("macro", id))
            .RequireAuthorization(Policies.Admin).WithName("DeleteMacro");
        routes.MapPost("/api/v1/tickets/{number:long}/macros/{id}", ApplyAsync).RequireAuthorization(Policies.Tickets).WithTags("Tickets").WithName("ApplyMacro");
        return routes;
    }

    private static async Task<IResult> SaveAsync(string id, HttpContext http, MacroStore store, CancellationToken cancellationToken)
    {
        var (body, _, problem) = await JsonBody.ReadAsync<MacroRequest>(http.Request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var macro = new Macro(id, body!.Name?.Trim() ?? "", body.Reply, body.Visibility ?? MessageVisibility.Public, body.Actions ?? []);
        var refusal = macro.Actions.Any(a => a is null) ? Rejection.Invalid("actions", "Actions are objects, not null.") : macro.Check();
        if (refusal is not null)
        {
            return ApiProblems.BadRequest(refusal.Field, refusal.Message);
        }

        var created = await store.SaveAsync(macro, cancellationToken);
        return Results.Json(macro, ApiJson.Options, statusCode: created ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    private static async Task<IResult> ApplyAsync(long number, string id, HttpContext http, MacroStore macros, TicketQueries queries, TicketCommands commands, CancellationToken cancellationToken)
    {
        var caller = Caller.From(http.User);
        if (caller.IsCustomer)
        {
            return ApiProblems.Field(StatusCodes.Status403Forbidden, "scope", "Customer keys cannot apply macros.");
        }

        if (await macros.GetAsync(id, cancellationToken) is not { } macro)
        {
            return ApiProblems.NoSuch("macro", id);
        }

        if (await queries.GetAsync(number, cancellationToken) is not { } ticket || !caller.MaySee(ticket))
        {
            return ApiProblems.NotFound(number);
        }

        if (macro.RenderReply(ticket, caller.Actor) is { } reply)
        {
            var replied = await commands.AddMessageAsync(number, new AddMessage(reply, macro.Visibility, caller.Actor), expectedVersion: null);
            if (replied.Rejection is { } refused)
            {
                return ApiProblems.From(refused);
            }
        }

        var result = RuleActions.Plan(new Rule(macro.Id, macro.Name, RuleTrigger.TicketOpened, [], macro.Actions)).Update is { } update
            ? await commands.UpdateAsync(number, update with { Reason = $"macro '{macro.Name}'" }, caller.Actor, expectedVersion: null)
            : null;
        if (result?.Rejection is { } rejection)
        {
            return ApiProblems.From(rejection);
        }

        return Results.Json(TicketResponse.From((await queries.GetAsync(number, cancellationToken))!, forCustomer: false), ApiJson.Options);
    }


}

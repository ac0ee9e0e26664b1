using System.Security.Cryptography;
using HelpDesk.Core.Queries;
using HelpDesk.Core.Tickets;
using HelpDesk.Domain.Commands;
using HelpDesk.Domain.Tickets;
using HelpDesk.Server.Contracts;
using HelpDesk.Server.Http;
using HelpDesk.Server.Security;

namespace HelpDesk.Server.Apis;

public static class TicketWrites
{
    public static async Task<IResult> CreateAsync(HttpContext http, TicketCommands commands, CancellationToken cancellationToken)
    {
        var caller = Caller.From(http.User);
        var (request, raw, problem) = await JsonBody.ReadAsync<CreateTicketRequest>(http.Request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var idempotencyKey = http.Request.Headers["Idempotency-Key"].ToString();
        if (idempotencyKey.Length > 255 || idempotencyKey.Any(c => c is < '!' or > '~'))
        {
            return ApiProblems.BadRequest("Idempotency-Key", "Idempotency-Key is 1 to 255 visible ASCII characters (a UUID works well).");
        }

        var requester = request!.Requester ?? (caller.IsCustomer ? new RequesterBody(caller.CustomerEmail) : null);
        if (requester is null)
        {
            return ApiProblems.Field(StatusCodes.Status422UnprocessableEntity, "requester", "requester is required, with at least an email.");
        }

        if (caller.IsCustomer && !string.Equals(requester.Email ?? caller.CustomerEmail, caller.CustomerEmail, StringComparison.OrdinalIgnoreCase))
        {
            return ApiProblems.Field(StatusCodes.Status403Forbidden, "requester.email", "This key may open tickets only for its own customer.");
        }

        requester = caller.IsCustomer ? requester with { Email = caller.CustomerEmail } : requester;
        var result = await commands.OpenAsync(
            TicketRequests.ToCommand(request, requester),
            caller.Actor,
            idempotencyKey.Length == 0 ? null : $"{caller.KeyId}:{idempotencyKey}",
            Convert.ToHexString(SHA256.HashData(raw)),
            cancellationToken);
        if (result.Rejection is { } rejection)
        {
            return ApiProblems.From(rejection);
        }

        if (result.Replayed)
        {
            http.Response.Headers["Idempotent-Replayed"] = "true";
        }

        return Respond(http, result.Ticket!, caller, StatusCodes.Status201Created);
    }

    public static async Task<IResult> UpdateAsync(long number, HttpContext http, TicketCommands commands, TicketQueries queries, CancellationToken cancellationToken)
    {
        var caller = Caller.From(http.User);
        if (caller.IsCustomer)
        {
            return ApiProblems.Field(StatusCodes.Status403Forbidden, "Authorization", "A customer's key cannot change tickets; it can add replies.");
        }

        if (!ETags.TryReadIfMatch(http.Request, out var expected))
        {
            return ApiProblems.BadRequest("If-Match", "If-Match takes an ETag this API gave out, such as \"3\".");
        }

        var (request, _, problem) = await JsonBody.ReadAsync<UpdateTicketRequest>(http.Request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (!await caller.MayActOnAsync(number, queries, cancellationToken))
        {
            return ApiProblems.NotFound(number);
        }

        var result = await commands.UpdateAsync(number, TicketRequests.ToCommand(request!), caller.Actor, expected);
        return result.Rejection is { } rejection ? ApiProblems.From(rejection) : Respond(http, result.Ticket!, caller, StatusCodes.Status200OK);
    }

    public static async Task<IResult> AddMessageAsync(long number, HttpContext http, TicketCommands commands, TicketQueries queries, CancellationToken cancellationToken)
    {
        var caller = Caller.From(http.User);
        if (!ETags.TryReadIfMatch(http.Request, out var expected))
        {
            return ApiProblems.BadRequest("If-Match", "If-Match takes an ETag this API gave out, such as \"3\".");
        }

        var (request, _, problem) = await JsonBody.ReadAsync<AddMessageRequest>(http.Request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (await queries.GetAsync(number, cancellationToken) is not { } ticket || !caller.MaySee(ticket))
        {
            return ApiProblems.NotFound(number);
        }

        if (request!.Author?.Role is { } role && role is not ("customer" or "agent"))
        {
            return ApiProblems.Field(StatusCodes.Status422UnprocessableEntity, "author.role", "author.role is customer or agent.");
        }

        var command = new AddMessage(request.Body ?? "", request.Visibility ?? MessageVisibility.Public, TicketRequests.Author(request.Author, caller, ticket));
        var result = await commands.AddMessageAsync(number, command, expected);
        if (result.Rejection is { } rejection)
        {
            return ApiProblems.From(rejection);
        }

        http.Response.Headers.Location = $"/api/v1/tickets/{number}/messages";
        return Respond(http, result.Ticket!, caller, StatusCodes.Status201Created, location: false);
    }

    private static IResult Respond(HttpContext http, TicketState ticket, Caller caller, int status, bool location = true)
    {
        http.Response.Headers.ETag = ETags.Of(ticket.Version);
        if (location && status == StatusCodes.Status201Created)
        {
            http.Response.Headers.Location = $"/api/v1/tickets/{ticket.Number}";
        }

        return Results.Json(TicketResponse.From(ticket, caller.IsCustomer), ApiJson.Options, statusCode: status);
    }
}

using HelpDesk.Core.Queries;
using HelpDesk.Core.Satisfaction;
using HelpDesk.Core.Storage;
using HelpDesk.Core.Tickets;
using HelpDesk.Domain.Commands;
using HelpDesk.Domain.Tickets;
using HelpDesk.Server.Http;

namespace HelpDesk.Server.Apis;

/// <summary>
/// The customer's side of the satisfaction survey. No API key: the signed token from the solved notification is the
/// credential. A forged token is 404 (nothing says whether the ticket exists), an expired one 410, a second rating of
/// the same solve 409; none changes anything.
/// </summary>
public static class SatisfactionApi
{
    public static IEndpointRouteBuilder MapSatisfactionApiV1(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/v1/satisfaction/{token}", RateAsync).AllowAnonymous().WithTags("Satisfaction").WithName("RateSatisfaction");
        routes.MapGet("/satisfaction/{token}", PageAsync).AllowAnonymous().ExcludeFromDescription();
        routes.MapPost("/satisfaction/{token}", FormAsync).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
        return routes;
    }

    private sealed record RatingRequest(string? Rating, string? Comment);

    private static async Task<IResult> RateAsync(string token, HttpContext http, SatisfactionLinks links, TicketCommands commands, CancellationToken cancellationToken)
    {
        var (body, _, problem) = await JsonBody.ReadAsync<RatingRequest>(http.Request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (!TryParse(body!.Rating, out var rating))
        {
            return ApiProblems.BadRequest("rating", "rating is good, neutral or bad.");
        }

        var read = await links.ReadAsync(token, cancellationToken);
        return await RecordAsync(read, rating, body.Comment, commands) switch
        {
            (null, var result) => Results.Json(new { ticket = result!.Ticket!.Number, rating = Names.Of(rating) }, ApiJson.Options, statusCode: StatusCodes.Status201Created),
            (var refusal, _) => refusal.Problem,
        };
    }

    private static async Task<IResult> PageAsync(string token, SatisfactionLinks links, TicketQueries queries, CancellationToken cancellationToken)
    {
        var (read, ticket, words) = await OpenAsync(token, links, queries, cancellationToken);
        return ticket is null ? Unusable(read, words) : SatisfactionPage.Html(words.Form(ticket.Number, ticket.Subject, token));
    }

    private static async Task<IResult> FormAsync(string token, HttpContext http, SatisfactionLinks links, TicketCommands commands, TicketQueries queries, CancellationToken cancellationToken)
    {
        var (read, ticket, words) = await OpenAsync(token, links, queries, cancellationToken);
        if (ticket is null)
        {
            return Unusable(read, words);
        }

        var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync(cancellationToken) : null;
        if (!TryParse(form?["rating"], out var rating))
        {
            return SatisfactionPage.Html(words.Form(ticket.Number, ticket.Subject, token), StatusCodes.Status400BadRequest);
        }

        return await RecordAsync(read, rating, form?["comment"], commands) switch
        {
            (null, _) => SatisfactionPage.Html(words.Thanks),
            ({ Kind: RejectionKind.Conflict }, _) => SatisfactionPage.Html(words.AlreadyRated, StatusCodes.Status409Conflict),
            _ => SatisfactionPage.Html(words.Form(ticket.Number, ticket.Subject, token), StatusCodes.Status400BadRequest),
        };
    }

    // What both pages need: the token read once, its ticket when it is valid, the wording in the requester's language.
    private static async Task<(SatisfactionToken Read, TicketState? Ticket, SatisfactionPage.Wording Words)> OpenAsync(
        string token, SatisfactionLinks links, TicketQueries queries, CancellationToken cancellationToken)
    {
        var read = await links.ReadAsync(token, cancellationToken);
        var ticket = read.State == SatisfactionTokenState.Valid ? await queries.GetAsync(read.Ticket, cancellationToken) : null;
        return (read, ticket, SatisfactionPage.Words(ticket?.Requester?.Language));
    }

    private static IResult Unusable(SatisfactionToken read, SatisfactionPage.Wording words) => read.State == SatisfactionTokenState.Expired
        ? SatisfactionPage.Html(words.Expired, StatusCodes.Status410Gone)
        : SatisfactionPage.Html(words.Invalid, StatusCodes.Status404NotFound);

    private sealed record Refusal(RejectionKind Kind, IResult Problem);

    private static async Task<(Refusal? Refusal, TicketCommandResult? Result)> RecordAsync(SatisfactionToken read, SatisfactionRating rating, string? comment, TicketCommands commands)
    {
        if (read.State == SatisfactionTokenState.Forged)
        {
            return (new Refusal(RejectionKind.NotFound, ApiProblems.Field(StatusCodes.Status404NotFound, "token", "This satisfaction link is not valid.")), null);
        }

        if (read.State == SatisfactionTokenState.Expired)
        {
            return (new Refusal(RejectionKind.NotFound, ApiProblems.Field(StatusCodes.Status410Gone, "token", "This satisfaction link has expired.")), null);
        }

        var result = await commands.RateSatisfactionAsync(read.Ticket, read.SolvedVersion, rating, comment);
        return result.Rejection is { } rejection ? (new Refusal(rejection.Kind, ApiProblems.From(rejection)), null) : (null, result);
    }

    private static bool TryParse(string? text, out SatisfactionRating rating) => Names.TryParse(text?.Trim().ToLowerInvariant(), out rating);
}

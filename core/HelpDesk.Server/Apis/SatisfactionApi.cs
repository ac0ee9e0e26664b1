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

        return await RecordAsync(token, rating, body.Comment, links, commands, cancellationToken) switch
        {
            (null, var result) => Results.Json(new { ticket = result!.Ticket!.Number, rating = Names.Of(rating) }, ApiJson.Options, statusCode: StatusCodes.Status201Created),
            (var refusal, _) => refusal,
        };
    }

    private static async Task<IResult> PageAsync(string token, SatisfactionLinks links, TicketQueries queries, CancellationToken cancellationToken)
    {
        var read = await links.ReadAsync(token, cancellationToken);
        var ticket = read.State == SatisfactionTokenState.Valid ? await queries.GetAsync(read.Ticket, cancellationToken) : null;
        var words = SatisfactionPage.Words(ticket?.Requester?.Language);
        return read.State switch
        {
            SatisfactionTokenState.Valid when ticket is not null => SatisfactionPage.Html(words.Form(ticket.Number, ticket.Subject, token)),
            SatisfactionTokenState.Expired => SatisfactionPage.Html(words.Expired, StatusCodes.Status410Gone),
            _ => SatisfactionPage.Html(words.Invalid, StatusCodes.Status404NotFound),
        };
    }

    private static async Task<IResult> FormAsync(string token, HttpContext http, SatisfactionLinks links, TicketCommands commands, TicketQueries queries, CancellationToken cancellationToken)
    {
        var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync(cancellationToken) : null;
        var read = await links.ReadAsync(token, cancellationToken);
        var ticket = read.State == SatisfactionTokenState.Valid ? await queries.GetAsync(read.Ticket, cancellationToken) : null;
        var words = SatisfactionPage.Words(ticket?.Requester?.Language);
        if (!TryParse(form?["rating"], out var rating))
        {
            return SatisfactionPage.Html(words.Form(ticket?.Number ?? 0, ticket?.Subject ?? "", token), StatusCodes.Status400BadRequest);
        }

        var (refusal, _) = await RecordAsync(token, rating, form?["comment"], links, commands, cancellationToken);
        return refusal is null ? SatisfactionPage.Html(words.Thanks) : SatisfactionPage.Html(words.AlreadyRated, StatusCodes.Status409Conflict);
    }

    private static async Task<(IResult? Refusal, TicketCommandResult? Result)> RecordAsync(
        string token, SatisfactionRating rating, string? comment, SatisfactionLinks links, TicketCommands commands, CancellationToken cancellationToken)
    {
        var read = await links.ReadAsync(token, cancellationToken);
        if (read.State == SatisfactionTokenState.Forged)
        {
            return (ApiProblems.Field(StatusCodes.Status404NotFound, "token", "This satisfaction link is not valid."), null);
        }

        if (read.State == SatisfactionTokenState.Expired)
        {
            return (ApiProblems.Field(StatusCodes.Status410Gone, "token", "This satisfaction link has expired."), null);
        }

        var result = await commands.RateSatisfactionAsync(read.Ticket, read.SolvedVersion, rating, comment);
        return result.Rejection is { } rejection ? (ApiProblems.From(rejection), null) : (null, result);
    }

    private static bool TryParse(string? text, out SatisfactionRating rating)
    {
        rating = default;
        return text is { Length: > 0 } && Enum.TryParse(text, ignoreCase: true, out rating) && Enum.IsDefined(rating) && !int.TryParse(text, out _);
    }
}

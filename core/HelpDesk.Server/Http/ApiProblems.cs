using HelpDesk.Domain.Commands;

namespace HelpDesk.Server.Http;

/// <summary>RFC 7807 problem documents that name the field at fault, as <c>field</c> and in <c>errors</c>.</summary>
public static class ApiProblems
{
    public static IResult Field(int status, string field, string detail) => Results.Problem(
        detail: detail,
        statusCode: status,
        extensions: new Dictionary<string, object?>
        {
            ["field"] = field,
            ["errors"] = new Dictionary<string, string[]> { [field] = [detail] },
        });

    public static IResult BadRequest(string field, string detail) => Field(StatusCodes.Status400BadRequest, field, detail);

    /// <summary>404 for a setting (agent, queue, rule, calendar…) addressed by an id that has none.</summary>
    public static IResult NoSuch(string what, string id) => Field(StatusCodes.Status404NotFound, "id", $"There is no {what} '{id}'.");

    public static IResult NotFound(long number) => Field(StatusCodes.Status404NotFound, "number", $"There is no ticket #{number}.");

    public static IResult From(Rejection rejection) => Field(StatusOf(rejection.Kind), rejection.Field, rejection.Message);

    private static int StatusOf(RejectionKind kind) => kind switch
    {
        RejectionKind.NotFound => StatusCodes.Status404NotFound,
        RejectionKind.Conflict => StatusCodes.Status409Conflict,
        RejectionKind.PreconditionFailed => StatusCodes.Status412PreconditionFailed,
        _ => StatusCodes.Status422UnprocessableEntity,
    };
}

using Microsoft.AspNetCore.Diagnostics;

namespace HelpDesk.Server.Http;

/// <summary>
/// The last line: a malformed request that slipped past an endpoint's own checks still gets its 4xx,
/// and only a real fault of ours is a 500, logged, with no internals in the answer.
/// </summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, detail) = exception switch
        {
            BadHttpRequestException bad => (bad.StatusCode, bad.Message),
            OperationCanceledException when httpContext.RequestAborted.IsCancellationRequested => (499, "The client went away."),
            TimeoutException => (StatusCodes.Status503ServiceUnavailable, "The ticket store did not answer in time; try again."),
            _ => (StatusCodes.Status500InternalServerError, "Something went wrong on our side; it has been logged."),
        };
        if (status >= 500)
        {
            logger.LogError(exception, "Request {Method} {Path} failed", httpContext.Request.Method, httpContext.Request.Path);
        }

        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = status, Detail = detail },
        });
    }
}

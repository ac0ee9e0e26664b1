using HelpDesk.Core.Notifications;
using HelpDesk.Core.Storage;
using HelpDesk.Server.Http;
using HelpDesk.Server.Security;

namespace HelpDesk.Server.Apis;

/// <summary>
/// <c>/api/v1/notification-templates/{kind}/{language}</c>: the template that applies (an admin's override, else the
/// built-in one), an override saved only when it parses (400 naming the part, line and column otherwise), reset by
/// DELETE, and <c>POST …/preview</c> rendering a template on a sample ticket.
/// </summary>
public static class NotificationTemplatesApi
{
    public sealed record TemplateRequest(string? Subject, string? Body);

    public static IEndpointRouteBuilder MapNotificationTemplatesApiV1(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/notification-templates/{kind}/{language}").WithTags("Notifications").RequireAuthorization(Policies.Admin);
        group.MapGet("/", async (string kind, string language, NotificationTemplates templates, CancellationToken ct) =>
            Parse(kind, language, out var k) ?? Results.Json(await templates.ResolveAsync(k, language, ct), ApiJson.Options)).WithName("GetNotificationTemplate");
        group.MapPut("/", SaveAsync).WithName("SaveNotificationTemplate");
        group.MapDelete("/", async (string kind, string language, NotificationTemplates templates, CancellationToken ct) =>
            Parse(kind, language, out var k) ?? (await templates.ResetAsync(k, language, ct)
                ? Results.NoContent()
                : ApiProblems.Field(StatusCodes.Status404NotFound, "language", "There is no override for this kind and language.")))
            .WithName("ResetNotificationTemplate");
        group.MapPost("/preview", PreviewAsync).WithName("PreviewNotificationTemplate");
        return routes;
    }

    private static async Task<IResult> SaveAsync(string kind, string language, HttpContext http, NotificationTemplates templates, CancellationToken cancellationToken)
    {
        if (Parse(kind, language, out var k) is { } bad)
        {
            return bad;
        }

        var (body, _, problem) = await JsonBody.ReadAsync<TemplateRequest>(http.Request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var template = new NotificationTemplate(k, language, body!.Subject ?? "", body.Body ?? "");
        if (Refusal(template) is { } refused)
        {
            return refused;
        }

        var created = await templates.SaveAsync(template, cancellationToken);
        return Results.Json(template, ApiJson.Options, statusCode: created ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    // The sample ticket a preview renders: Korean by default, so dates show in the requester's zone.
    private static async Task<IResult> PreviewAsync(string kind, string language, HttpContext http, NotificationTemplates templates, TimeProvider time, CancellationToken cancellationToken)
    {
        if (Parse(kind, language, out var k) is { } bad)
        {
            return bad;
        }

        var (body, _, problem) = await JsonBody.ReadAsync<TemplateRequest>(http.Request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var template = body is { Subject: not null } or { Body: not null }
            ? new NotificationTemplate(k, language, body.Subject ?? "", body.Body ?? "")
            : await templates.ResolveAsync(k, language, cancellationToken);
        if (Refusal(template) is { } refused)
        {
            return refused;
        }

        var now = time.GetUtcNow();
        var sample = new NotificationModel(1042, "Sample: cannot log in", "open", "high", "https://helpdesk.example.org/tickets/1042", now, "Sample Customer", "customer@example.com")
        {
            RecipientLanguage = language,
            RecipientTimeZone = "Asia/Seoul",
            MessageBody = "Sample reply text.",
            MessageAuthor = "Sample Agent",
            AgentName = "Sample Agent",
            SlaTarget = "first-response",
            SlaDueAt = now.AddHours(4),
            SatisfactionUrl = "https://helpdesk.example.org/satisfaction/sample",
        };
        try
        {
            return Results.Json(NotificationRenderer.Render(template, sample, cancellationToken), ApiJson.Options);
        }
        catch (TemplateRenderException error)
        {
            return ApiProblems.Field(StatusCodes.Status422UnprocessableEntity, error.Part, $"The template failed while rendering: {error.Message}");
        }
    }

    private static IResult? Refusal(NotificationTemplate template)
    {
        if (string.IsNullOrWhiteSpace(template.Subject) || string.IsNullOrWhiteSpace(template.Body) || template.Subject.Length > 500 || template.Body.Length > 50_000)
        {
            return ApiProblems.BadRequest(string.IsNullOrWhiteSpace(template.Subject) || template.Subject.Length > 500 ? "subject" : "body", "A template has a subject (up to 500 characters) and a body (up to 50,000).");
        }

        return NotificationRenderer.Check(template) is [var error, ..]
            ? Results.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "The template does not parse",
                detail: $"{error.Part}, line {error.Line}, column {error.Column}: {error.Message}",
                extensions: new Dictionary<string, object?> { ["field"] = error.Part, ["line"] = error.Line, ["column"] = error.Column })
            : null;
    }

    private static IResult? Parse(string kind, string language, out NotificationKind parsed)
    {
        if (!Names.TryParse(kind, out parsed))
        {
            return ApiProblems.Field(StatusCodes.Status404NotFound, "kind", $"Kinds: {string.Join(", ", Enum.GetValues<NotificationKind>().Select(Names.Of))}.");
        }

        return language.Length is > 0 and <= 20 && language.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')
            ? null
            : ApiProblems.Field(StatusCodes.Status400BadRequest, "language", "language is a BCP 47 tag such as ko or pt-BR.");
    }
}

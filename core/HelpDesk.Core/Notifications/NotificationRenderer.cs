using System.Net;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace HelpDesk.Core.Notifications;

/// <summary>
/// Renders notification templates with Scriban in a sandbox: the model's values only (no .NET members, no includes),
/// at most <see cref="LoopLimit"/> iterations per loop, <see cref="RecursionLimit"/> nested calls, 64 KB of output and
/// <see cref="Timeout"/> of time; a template breaking any of these fails with a <see cref="TemplateRenderException"/>.
/// </summary>
public static class NotificationRenderer
{
    public const int LoopLimit = 1_000;
    public const int RecursionLimit = 20;
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    /// <summary>Where the template's parts do not parse, with line and column; empty when they do.</summary>
    public static IReadOnlyList<TemplateError> Check(NotificationTemplate template) =>
        [.. Errors("subject", template.Subject), .. Errors("body", template.Body)];

    public static RenderedNotification Render(NotificationTemplate template, NotificationModel model, CancellationToken cancellationToken = default)
    {
        if (Check(template) is [var first, ..])
        {
            throw new TemplateRenderException(first.Part, $"line {first.Line}, column {first.Column}: {first.Message}");
        }

        var subject = Run("subject", template.Subject, model, cancellationToken).ReplaceLineEndings(" ").Trim();
        var text = Run("body", template.Body, model, cancellationToken).Trim();
        return new RenderedNotification(subject, text, Html(subject, text, model), template.Language);
    }

    private static string Run(string part, string source, NotificationModel model, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(Timeout);
        var context = new TemplateContext
        {
            LoopLimit = LoopLimit,
            RecursiveLimit = RecursionLimit,
            OutputLimit = 64 * 1024,
            StrictVariables = false,
            TemplateLoader = null,
            CancellationToken = limit.Token,
        };
        context.PushCulture(NotificationModel.Culture(model.RecipientLanguage));
        context.PushGlobal(Globals(model));
        try
        {
            return Template.Parse(source).Render(context);
        }
        catch (Exception error) when (error is ScriptRuntimeException or OperationCanceledException)
        {
            throw new TemplateRenderException(part, error is OperationCanceledException ? $"stopped after {Timeout.TotalSeconds:0} s" : error.Message);
        }
    }

    private static ScriptObject Globals(NotificationModel model)
    {
        var globals = new ScriptObject
        {
            ["ticket"] = new ScriptObject
            {
                ["number"] = model.TicketNumber,
                ["subject"] = model.Subject,
                ["status"] = model.Status,
                ["priority"] = model.Priority,
                ["url"] = model.TicketUrl,
                ["created_at"] = model.Local(model.CreatedAt),
            },
            ["recipient"] = new ScriptObject { ["name"] = model.RecipientName, ["email"] = model.RecipientEmail },
            ["message"] = new ScriptObject { ["body"] = model.MessageBody, ["author"] = model.MessageAuthor },
            ["agent"] = new ScriptObject { ["name"] = model.AgentName },
            ["sla"] = new ScriptObject { ["target"] = model.SlaTarget, ["due_at"] = model.SlaDueAt is { } due ? model.Local(due) : null },
            ["satisfaction_url"] = model.SatisfactionUrl,
        };
        return globals;
    }

    private static IEnumerable<TemplateError> Errors(string part, string source)
    {
        var parsed = Template.Parse(source);
        return parsed.HasErrors
            ? parsed.Messages.Select(m => new TemplateError(part, m.Span.Start.Line + 1, m.Span.Start.Column + 1, m.Message))
            : [];
    }

    // The shared layout: the text body, escaped, as paragraphs.
    private static string Html(string subject, string text, NotificationModel model)
    {
        var paragraphs = text.Split("\n\n").Select(p => $"<p>{WebUtility.HtmlEncode(p).Replace("\n", "<br>", StringComparison.Ordinal)}</p>");
        var language = WebUtility.HtmlEncode(model.RecipientLanguage ?? "en");
        return $"<!DOCTYPE html><html lang=\"{language}\"><head><meta charset=\"utf-8\"><title>{WebUtility.HtmlEncode(subject)}</title></head>"
            + $"<body style=\"font-family: sans-serif; line-height: 1.5\">{string.Concat(paragraphs)}</body></html>";
    }
}

/// <summary>A template failed while rendering: it loops too long, recurses too deep, writes too much or takes too long.</summary>
public sealed class TemplateRenderException(string part, string message) : Exception(message)
{
    public string Part { get; } = part;
}

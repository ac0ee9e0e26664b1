namespace HelpDesk.Core.Notifications;

/// <summary>
/// The Scriban text of one notification in one language: a one-line subject and a plain-text body. The HTML part is the
/// body inside the shared layout, so a template is written once.
/// </summary>
public sealed record NotificationTemplate(NotificationKind Kind, string Language, string Subject, string Body)
{
    /// <summary>Built-in files start with a <c>Subject: …</c> line, then a blank line, then the body.</summary>
    public static NotificationTemplate FromFile(NotificationKind kind, string language, string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        var subject = lines[0].StartsWith("Subject:", StringComparison.Ordinal) ? lines[0]["Subject:".Length..].Trim() : throw new FormatException($"Template {kind}/{language} has no 'Subject:' line.");
        return new NotificationTemplate(kind, language, subject, string.Join('\n', lines.Skip(1)).Trim('\n'));
    }
}

/// <summary>A rendered notification.</summary>
public sealed record RenderedNotification(string Subject, string Text, string Html, string Language);

/// <summary>Where a template does not parse: the part (<c>subject</c> or <c>body</c>), line and column (from 1), and why.</summary>
public sealed record TemplateError(string Part, int Line, int Column, string Message);

using Ganss.Xss;

namespace HelpDesk.Core.Messages;

/// <summary>
/// Makes a customer's HTML safe to store and show to agents: scripts, event handlers, forms and remote styles go;
/// formatting, links and inline images (<c>cid:</c>, which point at the message's own attachments) stay.
/// </summary>
public static class MessageHtml
{
    // HtmlSanitizer's Sanitize is safe to call from many threads once configured.
    private static readonly HtmlSanitizer Sanitizer = Create();

    public static string? Sanitize(string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return null;
        }

        var clean = Sanitizer.Sanitize(html).Trim();
        return clean.Length == 0 ? null : clean;
    }

    private static HtmlSanitizer Create()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Add("mailto");
        sanitizer.AllowedSchemes.Add("cid");
        sanitizer.AllowedTags.Remove("form");
        sanitizer.AllowedTags.Remove("button");
        sanitizer.AllowedTags.Remove("input");
        sanitizer.AllowedTags.Remove("textarea");
        sanitizer.AllowedTags.Remove("select");
        return sanitizer;
    }
}

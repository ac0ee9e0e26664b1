using System.Net;
using System.Text.RegularExpressions;
using MimeKit;

namespace HelpDesk.Connectors.Email.Inbound;

/// <summary>What a ticket keeps of a message's bodies: the text (from the HTML when there is no text part) and the HTML.</summary>
public static partial class MailContent
{
    /// <summary>The message's text, quoted history trimmed; never empty, since a ticket needs words.</summary>
    public static string Text(MimeMessage message, bool trimHistory)
    {
        // MimeKit decodes every charset it knows (ISO-2022-JP, EUC-KR, …) into these strings.
        var text = message.TextBody is { Length: > 0 } plain ? plain : message.HtmlBody is { Length: > 0 } html ? FromHtml(html) : "";
        text = text.Trim();
        if (trimHistory)
        {
            text = QuotedHistory.Trim(text);
        }

        return text.Length > 0 ? text : "(no text)";
    }

    public static string? Html(MimeMessage message) => message.HtmlBody is { Length: > 0 } html ? html : null;

    /// <summary>A readable text of an HTML body: block ends become line breaks, tags go, entities are decoded.</summary>
    public static string FromHtml(string html)
    {
        var withoutHidden = HiddenBlocks().Replace(html, "");
        var withBreaks = LineEnds().Replace(ParagraphEnds().Replace(withoutHidden, "\n\n"), "\n");
        var text = WebUtility.HtmlDecode(Tags().Replace(withBreaks, ""));
        return BlankLines().Replace(text.Replace("\r", "", StringComparison.Ordinal), "\n\n").Trim();
    }

    [GeneratedRegex(@"<(script|style|head)\b[^>]*>.*?</\1\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex HiddenBlocks();

    [GeneratedRegex(@"<\s*(/p|/h[1-6]|/blockquote)\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ParagraphEnds();

    [GeneratedRegex(@"<\s*(br|/div|/li|/tr)\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex LineEnds();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\n[ \t]*\n(\s*\n)+")]
    private static partial Regex BlankLines();
}

using System.Text;
using System.Text.Json.Nodes;

namespace HelpDesk.Connectors.Jira.Api;

/// <summary>A piece of a paragraph: plain, bold, or a link.</summary>
internal sealed record TextSpan(string Text, bool Strong = false, Uri? Link = null);

/// <summary>
/// What the plugin writes into Jira (descriptions, comments), kept apart from its two encodings: Cloud v3 wants an
/// Atlassian Document Format object, Data Center v2 a wiki-markup string. Text from tickets is the customer's own, so
/// the wiki form escapes markup characters rather than let them format (or break) the issue.
/// </summary>
internal sealed class JiraText
{
    private readonly List<IReadOnlyList<TextSpan>> _paragraphs = [];

    public IReadOnlyList<IReadOnlyList<TextSpan>> Paragraphs => _paragraphs;

    public JiraText Paragraph(params TextSpan[] spans)
    {
        _paragraphs.Add(spans);
        return this;
    }

    /// <summary>Plain text from a ticket: blank lines separate paragraphs, single line breaks stay.</summary>
    public JiraText Plain(string text)
    {
        foreach (var paragraph in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n"))
        {
            if (!string.IsNullOrWhiteSpace(paragraph))
            {
                _paragraphs.Add([new TextSpan(paragraph.Trim('\n'))]);
            }
        }

        return this;
    }

    public JsonObject ToAdf()
    {
        var content = new JsonArray();
        foreach (var paragraph in _paragraphs)
        {
            var nodes = new JsonArray();
            foreach (var span in paragraph.Where(s => s.Text.Length > 0))
            {
                var lines = span.Text.Split('\n');
                for (var i = 0; i < lines.Length; i++)
                {
                    if (i > 0)
                    {
                        nodes.Add(new JsonObject { ["type"] = "hardBreak" });
                    }

                    if (lines[i].Length > 0)
                    {
                        nodes.Add(AdfText(lines[i], span));
                    }
                }
            }

            content.Add(new JsonObject { ["type"] = "paragraph", ["content"] = nodes });
        }

        return new JsonObject { ["type"] = "doc", ["version"] = 1, ["content"] = content };
    }

    public string ToWiki()
    {
        var wiki = new StringBuilder();
        foreach (var paragraph in _paragraphs)
        {
            if (wiki.Length > 0)
            {
                wiki.Append("\n\n");
            }

            foreach (var span in paragraph)
            {
                var text = EscapeWiki(span.Text);
                wiki.Append(span switch
                {
                    { Link: { } link } => $"[{text}|{link.AbsoluteUri}]",
                    { Strong: true } => $"*{text}*",
                    _ => text,
                });
            }
        }

        return wiki.ToString();
    }

    /// <summary>The plain text of a comment body as webhooks deliver it: a wiki string, or (not ruled out) an ADF object.</summary>
    public static string PlainFrom(JsonNode? body)
    {
        if (body is JsonValue value && value.TryGetValue<string>(out var wiki))
        {
            return wiki;
        }

        var text = new StringBuilder();
        AppendAdf(body, text);
        return text.ToString().Trim();
    }

    private static JsonObject AdfText(string text, TextSpan span)
    {
        var marks = new JsonArray();
        if (span.Strong)
        {
            marks.Add(new JsonObject { ["type"] = "strong" });
        }

        if (span.Link is { } link)
        {
            marks.Add(new JsonObject { ["type"] = "link", ["attrs"] = new JsonObject { ["href"] = link.AbsoluteUri } });
        }

        var node = new JsonObject { ["type"] = "text", ["text"] = text };
        if (marks.Count > 0)
        {
            node["marks"] = marks;
        }

        return node;
    }

    private static void AppendAdf(JsonNode? node, StringBuilder text)
    {
        if (node is not JsonObject element)
        {
            return;
        }

        switch ((string?)element["type"])
        {
            case "text":
                text.Append((string?)element["text"]);
                return;
            case "hardBreak":
                text.Append('\n');
                return;
        }

        foreach (var child in element["content"] as JsonArray ?? [])
        {
            AppendAdf(child, text);
        }

        if ((string?)element["type"] is "paragraph" or "heading" or "listItem" or "codeBlock" or "blockquote")
        {
            text.Append("\n\n");
        }
    }

    // Markup characters are escaped with a backslash; list and heading markers only matter at a line's start.
    private static string EscapeWiki(string text)
    {
        var escaped = new StringBuilder(text.Length + 8);
        var lineStart = true;
        foreach (var c in text)
        {
            if ("{}[]|*_^~+!".Contains(c, StringComparison.Ordinal) || (lineStart && c is '#' or '-'))
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
            lineStart = c == '\n';
        }

        return escaped.ToString();
    }
}

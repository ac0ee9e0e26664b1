using System.Text;
using HelpDesk.Sdk.Capabilities;

namespace HelpDesk.Connectors.GitHub.Escalation;

/// <summary>
/// What an escalated issue and its comments say, in GitHub Markdown, with hidden markers (HTML comments, invisible
/// when rendered) by which a retry finds what an earlier attempt already created.
/// </summary>
internal static class IssueText
{
    private const int MaxTitleLength = 256;

    public static string EscalationMarker(string idempotencyKey) => $"<!-- helpdesk:escalation:{Sanitised(idempotencyKey)} -->";

    public static string CommentMarker(string idempotencyKey) => $"<!-- helpdesk:comment:{Sanitised(idempotencyKey)} -->";

    public static string Title(EscalationRequest request)
    {
        var marker = $"HD-{request.Ticket.Number}";
        var title = request.Summary.ReplaceLineEndings(" ").Trim();
        title = title.Contains(marker, StringComparison.Ordinal) ? title : $"{title} ({marker})";
        return title.Length <= MaxTitleLength ? title : string.Concat(title.AsSpan(0, MaxTitleLength - 1), "…");
    }

    public static string Body(EscalationRequest request)
    {
        var ticket = $"HD-{request.Ticket.Number}";
        var link = request.TicketUrl is { } url && Uri.TryCreate(url, UriKind.Absolute, out var ticketUrl) ? $"[{ticket}]({ticketUrl.AbsoluteUri})" : ticket;
        var requester = request.Ticket.Requester;
        var body = new StringBuilder()
            .Append("Escalated from HelpDesk ticket ").Append(link).Append(request.RequestedBy is { } agent ? $" by {Escape(agent)}." : ".").Append("\n\n")
            .Append("**Customer:** ").Append(Escape(requester.Organization is { } org ? $"{org} ({requester.Email})" : requester.Email)).Append("\n\n")
            .Append(Quote(request.Description)).Append("\n\n")
            .Append(EscalationMarker(request.IdempotencyKey));
        return body.ToString();
    }

    public static string Comment(EscalationComment comment) =>
        $"{Quote(comment.Body)}\n\n— {Escape(comment.Author ?? "Support")}, from HelpDesk ticket HD-{comment.Ticket}\n\n{CommentMarker(comment.IdempotencyKey)}";

    /// <summary>Customer text as a block quote: its Markdown cannot mention people, close issues or break the layout.</summary>
    private static string Quote(string text) =>
        string.Join('\n', text.ReplaceLineEndings("\n").Split('\n').Select(line => "> " + Escape(line)));

    // '@' and '#' would mention people and link issues; HTML could hide text or forge a marker.
    private static string Escape(string text) =>
        text.Replace("<", "&lt;", StringComparison.Ordinal).Replace("@", "@\u200B", StringComparison.Ordinal).Replace("#", "#\u200B", StringComparison.Ordinal);

    private static string Sanitised(string key) => new([.. key.Where(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':')]);
}

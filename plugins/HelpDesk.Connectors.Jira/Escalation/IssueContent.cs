using System.Text;
using System.Text.Json.Nodes;
using HelpDesk.Connectors.Jira.Api;
using HelpDesk.Connectors.Jira.Hosting;
using HelpDesk.Sdk.Capabilities;

namespace HelpDesk.Connectors.Jira.Escalation;

/// <summary>What an escalated issue says: its fields on create, its remote link back to the ticket, its comments.</summary>
internal static class IssueContent
{
    private const int MaxSummaryLength = 255;

    /// <summary>The label that finds an escalation's issue again, derived from its idempotency key (labels allow no spaces).</summary>
    public static string IdempotencyLabel(string idempotencyKey) => "hd-" + Label(idempotencyKey);

    public static JsonObject Fields(EscalationRequest request, JiraOptions options, bool withPriority)
    {
        var fields = new JsonObject
        {
            ["project"] = new JsonObject { ["key"] = request.Project ?? options.ProjectKey },
            ["summary"] = Summary(request),
            ["issuetype"] = new JsonObject { ["name"] = request.IssueType ?? options.IssueType },
            ["description"] = Encode(Description(request), options),
            ["labels"] = new JsonArray([.. options.Labels.Concat(request.Labels.Select(Label)).Append(IdempotencyLabel(request.IdempotencyKey)).Distinct().Select(l => JsonValue.Create(l))]),
        };
        if (withPriority)
        {
            fields["priority"] = new JsonObject { ["name"] = options.Priorities[request.Ticket.Priority] };
        }

        return fields;
    }

    public static JiraText Description(EscalationRequest request)
    {
        var ticket = $"HD-{request.Ticket.Number}";
        var text = new JiraText();
        text.Paragraph(
            new TextSpan("Escalated from HelpDesk ticket "),
            new TextSpan(ticket, Link: request.TicketUrl is { } url && Uri.TryCreate(url, UriKind.Absolute, out var link) ? link : null),
            new TextSpan(request.RequestedBy is { } agent ? $" by {agent}." : "."));
        var requester = request.Ticket.Requester;
        text.Paragraph(new TextSpan("Customer: ", Strong: true), new TextSpan(requester.Organization is { } org ? $"{org} ({requester.Email})" : requester.Email));
        return text.Plain(request.Description);
    }

    /// <summary>The remote link shown under the issue's links; the same globalId updates it instead of adding another.</summary>
    public static JsonObject RemoteLink(EscalationRequest request, Uri ticketUrl, bool resolved) => new()
    {
        ["globalId"] = $"helpdesk:ticket:{request.Ticket.Number}",
        ["application"] = new JsonObject { ["type"] = "org.helpdesk", ["name"] = "HelpDesk" },
        ["relationship"] = "escalated from",
        ["object"] = new JsonObject
        {
            ["url"] = ticketUrl.AbsoluteUri,
            ["title"] = $"HD-{request.Ticket.Number}: {request.Ticket.Subject}",
            ["summary"] = $"Customer: {request.Ticket.Requester.Organization ?? request.Ticket.Requester.Email}",
            ["status"] = new JsonObject { ["resolved"] = resolved },
        },
    };

    public static JsonNode Comment(EscalationComment comment, JiraOptions options)
    {
        var text = new JiraText().Plain(comment.Body);
        text.Paragraph(new TextSpan($"— {comment.Author ?? "Support"}, from HelpDesk ticket HD-{comment.Ticket}"));
        return Encode(text, options);
    }

    public static JsonNode Encode(JiraText text, JiraOptions options) =>
        options.Flavor == JiraFlavor.Cloud ? text.ToAdf() : JsonValue.Create(text.ToWiki());

    private static string Summary(EscalationRequest request)
    {
        var marker = $"HD-{request.Ticket.Number}";
        var summary = request.Summary.ReplaceLineEndings(" ").Trim();
        if (!summary.Contains(marker, StringComparison.Ordinal))
        {
            summary = $"{summary} ({marker})";
        }

        return summary.Length <= MaxSummaryLength ? summary : string.Concat(summary.AsSpan(0, MaxSummaryLength - 1), "…");
    }

    private static string Label(string value)
    {
        var label = new StringBuilder(value.Length);
        foreach (var c in value.Trim())
        {
            label.Append(char.IsWhiteSpace(c) ? '-' : c);
        }

        return label.ToString();
    }
}

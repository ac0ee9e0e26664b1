using HelpDesk.Domain.Tickets;

namespace HelpDesk.Domain.Commands;

/// <summary>The checks on an external update, shared by the decider and the SDK test kit.</summary>
public static class ExternalUpdateRules
{
    public static Rejection? Check(RecordExternalUpdate update, IReadOnlyList<ExternalLink> links)
    {
        var problem = TicketInput.SingleLine("system", update.System, TicketLimits.System)
            ?? TicketInput.SingleLine("key", update.Key, TicketLimits.ExternalId)
            ?? TicketInput.SingleLine("status", update.Status, TicketLimits.ExternalStatus, required: false)
            ?? TicketInput.Text("comment", update.Comment, TicketLimits.Body, required: false)
            ?? TicketInput.SingleLine("author", update.Author, TicketLimits.Name, required: false)
            ?? TicketInput.SingleLine("url", update.Url, TicketLimits.Url, required: false)
            ?? TicketInput.SingleLine("id", update.Id, TicketLimits.MessageId, required: false);
        if (problem is not null)
        {
            return problem;
        }

        if (TicketInput.Blank(update.Status) is null && TicketInput.Blank(update.Comment) is null && TicketInput.Blank(update.Url) is null)
        {
            return Rejection.Invalid("status", "Give the item's new status, a comment or its new URL.");
        }

        // Only linked items may write to a ticket: a webhook about someone else's issue must not land here.
        return LinkOf(update, links) is null
            ? Rejection.Invalid("key", $"The ticket is not linked to {update.System} {update.Key}; link it first.")
            : null;
    }

    public static ExternalLink? LinkOf(RecordExternalUpdate update, IReadOnlyList<ExternalLink> links) =>
        links.FirstOrDefault(l => l.System == update.System && l.Key == update.Key);

    /// <summary>False for a redelivery: an update whose id the ticket has, or a status change with nothing new.</summary>
    public static bool IsNews(RecordExternalUpdate update, ExternalLink link, IReadOnlySet<string> seenIds) =>
        (TicketInput.Blank(update.Id) is not { } id || !seenIds.Contains(id))
        && IsNews(update, link);

    private static bool IsNews(RecordExternalUpdate update, ExternalLink link) =>
        TicketInput.Blank(update.Comment) is not null
        || (TicketInput.Blank(update.Status) is { } status && status != link.Status)
        || (TicketInput.Blank(update.Url) is { } url && url != link.Url);
}

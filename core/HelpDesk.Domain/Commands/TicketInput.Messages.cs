using HelpDesk.Domain.Tickets;

namespace HelpDesk.Domain.Commands;

/// <summary>What a channel adds to a customer's message: its HTML, who else it went to, its files.</summary>
public static partial class TicketInput
{
    public static Rejection? Html(string field, string? html) => Text(field, html, TicketLimits.Html, required: false);

    /// <summary>Addresses, lower-cased and each once, leaving out the requester (who hears about the ticket anyway).</summary>
    public static Rejection? Cc(string field, IReadOnlyList<string>? cc, string requester, out List<string> normalised)
    {
        normalised = [];
        if (cc is null)
        {
            return null;
        }

        for (var i = 0; i < cc.Count; i++)
        {
            if (Email($"{field}[{i}]", cc[i]) is { } problem)
            {
                return problem;
            }

            var address = cc[i].Trim().ToLowerInvariant();
            if (!address.Equals(requester, StringComparison.OrdinalIgnoreCase) && !normalised.Contains(address, StringComparer.Ordinal))
            {
                normalised.Add(address);
            }
        }

        return normalised.Count > TicketLimits.Cc ? Rejection.Invalid(field, $"A message has at most {TicketLimits.Cc} CC recipients.") : null;
    }

    public static Rejection? Attachments(string field, IReadOnlyList<Attachment>? attachments)
    {
        if (attachments is null)
        {
            return null;
        }

        if (attachments.Count > TicketLimits.Attachments)
        {
            return Rejection.Invalid(field, $"A message has at most {TicketLimits.Attachments} attachments.");
        }

        for (var i = 0; i < attachments.Count; i++)
        {
            var attachment = attachments[i];
            var problem = !Attachment.IsId(attachment.Id)
                ? Rejection.Invalid($"{field}[{i}].id", "An attachment's id is the SHA-256 of its content in lower-case hex, as the attachment store gives it.")
                : SingleLine($"{field}[{i}].fileName", attachment.FileName, TicketLimits.FileName)
                    ?? SingleLine($"{field}[{i}].contentType", attachment.ContentType, TicketLimits.Category)
                    ?? SingleLine($"{field}[{i}].contentId", attachment.ContentId, TicketLimits.MessageId, required: false)
                    ?? (attachment.Size < 0 ? Rejection.Invalid($"{field}[{i}].size", "A size is not negative.") : null);
            if (problem is not null)
            {
                return problem;
            }
        }

        return null;
    }
}

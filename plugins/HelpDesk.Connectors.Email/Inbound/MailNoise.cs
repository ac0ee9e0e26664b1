using MimeKit;

namespace HelpDesk.Connectors.Email.Inbound;

/// <summary>
/// Mail no person wrote, which must never open a ticket or be answered automatically: auto-replies
/// (<c>Auto-Submitted</c>, <c>X-Autoreply</c>), list and bulk mail (<c>Precedence</c>, <c>List-Id</c> with bulk),
/// bounces (delivery status reports, the mailer daemon, an empty return path) and our own outgoing mail coming back.
/// </summary>
public static class MailNoise
{
    private static readonly string[] DaemonSenders = ["mailer-daemon", "postmaster"];

    /// <summary>Why the message is noise, or null for a person's message.</summary>
    public static string? Reason(MimeMessage message, IReadOnlySet<string> ownAddresses)
    {
        var from = Sender(message);
        if (from is not null && ownAddresses.Contains(from))
        {
            return $"sent from our own address {from}";
        }

        if (message.Headers[HeaderId.AutoSubmitted] is { } submitted && !submitted.Trim().StartsWith("no", StringComparison.OrdinalIgnoreCase))
        {
            return $"Auto-Submitted: {submitted.Trim()}";
        }

        if (message.Headers["Precedence"]?.Trim().ToLowerInvariant() is "bulk" or "list" or "junk" or "auto_reply")
        {
            return $"Precedence: {message.Headers["Precedence"]!.Trim()}";
        }

        if (message.Headers.Contains("X-Autoreply") || message.Headers.Contains("X-Autorespond") || message.Headers.Contains("X-Auto-Reply"))
        {
            return "marked as an automatic reply (X-Autoreply)";
        }

        if (IsBounce(message, from))
        {
            return "a delivery status report (bounce)";
        }

        return null;
    }

    /// <summary>The sender's address, lower-case: From, else Sender.</summary>
    public static string? Sender(MimeMessage message) =>
        (message.From.Mailboxes.FirstOrDefault() ?? message.Sender)?.Address?.Trim().ToLowerInvariant() is { Length: > 0 } address ? address : null;

    private static bool IsBounce(MimeMessage message, string? from)
    {
        if (message.Body is MultipartReport { ReportType: { } type } && type.Equals("delivery-status", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (message.Headers[HeaderId.ReturnPath]?.Trim() == "<>")
        {
            return true;
        }

        return from is not null && DaemonSenders.Any(daemon => from.StartsWith(daemon + "@", StringComparison.Ordinal));
    }
}

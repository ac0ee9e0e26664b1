using System.Globalization;
using System.Text.RegularExpressions;
using MimeKit;

namespace HelpDesk.Connectors.Email.Inbound;

/// <summary>How a message says which ticket it answers: its In-Reply-To and References, then <c>[#1042]</c> in its subject.</summary>
public static partial class MailThreading
{
    /// <summary>Message-IDs to look up, most specific first: In-Reply-To, then References from newest to oldest.</summary>
    public static IReadOnlyList<string> AnsweredIds(MimeMessage message)
    {
        var ids = new List<string>();
        if (message.InReplyTo is { Length: > 0 } inReplyTo)
        {
            ids.Add(Bracketed(inReplyTo));
        }

        ids.AddRange(message.References.Reverse().Select(Bracketed));
        return [.. ids.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The ticket number in the subject, as our own subjects carry it (<c>Re: [#1042] Printer jammed</c>).</summary>
    public static long? TicketNumber(string? subject) =>
        subject is not null && SubjectNumber().Match(subject) is { Success: true } match
        && long.TryParse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null;

    /// <summary>The message's id with angle brackets, as the hub keeps it; a message without one gets one from its content.</summary>
    public static string MessageId(MimeMessage message, ReadOnlySpan<byte> raw) =>
        message.MessageId is { Length: > 0 } id
            ? Bracketed(id)
            : $"<{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(raw))}@no-message-id.helpdesk>";

    /// <summary>An id as the hub keeps it: with angle brackets.</summary>
    public static string Bracketed(string id) => id.StartsWith('<') ? id : $"<{id}>";

    /// <summary>An id as MimeKit's headers take it: without angle brackets.</summary>
    public static string Bare(string id) => id.Trim().TrimStart('<').TrimEnd('>');

    [GeneratedRegex(@"\[#(\d{1,18})\]")]
    private static partial Regex SubjectNumber();
}

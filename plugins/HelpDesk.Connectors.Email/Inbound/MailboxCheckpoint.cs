using System.Globalization;

namespace HelpDesk.Connectors.Email.Inbound;

/// <summary>
/// How far a mailbox is imported: the folder's UIDVALIDITY and the last UID whose message is durably in a ticket. A new
/// UIDVALIDITY (the folder was recreated) starts again from the first message; Message-IDs keep that from duplicating.
/// </summary>
public sealed record MailboxCheckpoint(uint UidValidity, uint LastUid)
{
    public static string Key(string mailbox) => $"mailbox:{mailbox}:checkpoint";

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{UidValidity}:{LastUid}");

    public static MailboxCheckpoint? Parse(string? text) =>
        text?.Split(':') is [var validity, var last]
        && uint.TryParse(validity, NumberStyles.None, CultureInfo.InvariantCulture, out var v)
        && uint.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var l)
            ? new MailboxCheckpoint(v, l)
            : null;

    /// <summary>Where to continue in a folder whose UIDVALIDITY is <paramref name="current"/>.</summary>
    public uint ResumeAfter(uint current) => current == UidValidity ? LastUid : 0;
}

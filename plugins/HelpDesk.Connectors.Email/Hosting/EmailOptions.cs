namespace HelpDesk.Connectors.Email.Hosting;

/// <summary>The plugin's section, <c>HelpDesk:Plugins:email</c>, read once per load.</summary>
public sealed record EmailOptions
{
    public IReadOnlyList<MailboxOptions> Mailboxes { get; init; } = [];

    public SmtpOptions? Smtp { get; init; }

    /// <summary>More addresses that are ours (aliases, the no-reply sender): mail from them never opens a ticket.</summary>
    public IReadOnlyList<string> OwnAddresses { get; init; } = [];

    /// <summary>The largest total of attachments kept from one message; larger files are listed in a note, not kept.</summary>
    public long MaxAttachmentBytes { get; init; } = 25 * 1024 * 1024;

    /// <summary>At most this many messages from one sender per <see cref="SenderWindow"/>; more are held back as noise.</summary>
    public int SenderLimit { get; init; } = 30;

    public TimeSpan SenderWindow { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Every address that is ours: the mailboxes, the SMTP sender and <see cref="OwnAddresses"/>.</summary>
    public IReadOnlySet<string> AllOwnAddresses() =>
        new HashSet<string>(
            Mailboxes.Select(m => m.Address).Concat(OwnAddresses).Concat(Smtp is { } smtp ? [smtp.From] : []).Select(a => a.Trim().ToLowerInvariant()),
            StringComparer.Ordinal);
}

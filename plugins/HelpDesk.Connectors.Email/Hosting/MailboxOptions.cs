namespace HelpDesk.Connectors.Email.Hosting;

/// <summary>One support mailbox: where to read it, and what its tickets start with.</summary>
public sealed record MailboxOptions
{
    /// <summary>Short and unique (<c>sales</c>): names the poll task and the checkpoint, and is set as the ticket's <c>mailbox</c> field.</summary>
    public required string Name { get; init; }

    /// <summary>The address customers write to; replies go out with it as Reply-To.</summary>
    public required string Address { get; init; }

    public required string Host { get; init; }

    public int Port { get; init; }

    public MailSecurity Security { get; init; } = MailSecurity.Tls;

    public required string User { get; init; }

    /// <summary>A password, or leave empty and give <see cref="AccessToken"/> (OAuth2, XOAUTH2).</summary>
    public string? Password { get; init; }

    public string? AccessToken { get; init; }

    public const string DefaultFolder = "INBOX";
    public const int DefaultMaxPerPoll = 200;
    public static readonly TimeSpan DefaultPollInterval = TimeSpan.FromMinutes(1);

    public string Folder { get; init; } = DefaultFolder;

    /// <summary>Where processed messages are moved; when empty they stay and are flagged <c>\Seen</c> and <c>$HelpDesk</c>.</summary>
    public string? ProcessedFolder { get; init; }

    public TimeSpan PollInterval { get; init; } = DefaultPollInterval;

    /// <summary>Also wait on the mailbox with IMAP IDLE between polls, where the server offers it, to import at once.</summary>
    public bool Idle { get; init; } = true;

    /// <summary>At most this many messages per poll; the rest come on the next one.</summary>
    public int MaxPerPoll { get; init; } = DefaultMaxPerPoll;

    public string? Queue { get; init; }

    public string? Category { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>The requester's language when the message does not say (<c>ko</c>).</summary>
    public string? Language { get; init; }

    public string? Brand { get; init; }
}

namespace HelpDesk.Connectors.Email.Hosting;

/// <summary>The server replies and notifications leave through.</summary>
public sealed record SmtpOptions
{
    public required string Host { get; init; }

    public int Port { get; init; } = 587;

    public MailSecurity Security { get; init; } = MailSecurity.StartTls;

    /// <summary>Empty for a server that needs no login (a relay on loopback).</summary>
    public string? User { get; init; }

    public string? Password { get; init; }

    /// <summary>The sender of every message (<c>support@example.com</c>); answers go to the ticket's mailbox by Reply-To.</summary>
    public required string From { get; init; }

    public string? FromName { get; init; }

    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(8);

    public TimeSpan Timeout { get; init; } = DefaultTimeout;
}

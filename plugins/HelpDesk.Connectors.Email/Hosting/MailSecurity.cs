using MailKit.Security;

namespace HelpDesk.Connectors.Email.Hosting;

/// <summary>How a connection to a mail server is protected.</summary>
public enum MailSecurity
{
    /// <summary>TLS from the first byte (IMAPS 993, SMTPS 465).</summary>
    Tls,

    /// <summary>Plain first, then STARTTLS, which must be offered (IMAP 143, submission 587).</summary>
    StartTls,

    /// <summary>No encryption: only for a server on loopback, as in tests.</summary>
    None,
}

/// <summary>The MailKit socket option for each, shared by IMAP and SMTP.</summary>
public static class MailSecurityOptions
{
    public static SecureSocketOptions ToSocketOptions(this MailSecurity security) => security switch
    {
        MailSecurity.Tls => SecureSocketOptions.SslOnConnect,
        MailSecurity.StartTls => SecureSocketOptions.StartTls,
        _ => SecureSocketOptions.None,
    };
}

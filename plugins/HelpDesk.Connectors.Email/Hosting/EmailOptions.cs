using System.Globalization;
using Microsoft.Extensions.Configuration;

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

    /// <summary>Reads the section; each problem names its key, and the plugin reports them instead of failing the hub.</summary>
    private static readonly string[] MailboxRequired = ["Name", "Address", "Host", "User"];
    private static readonly string[] SmtpRequired = ["Host", "From"];

    public static EmailOptions From(IConfiguration section, out List<string> problems)
    {
        problems = [];
        var mailboxes = new List<MailboxOptions>();
        foreach (var box in section.GetSection("Mailboxes").GetChildren())
        {
            if (ReadMailbox(box, problems) is { } mailbox)
            {
                if (mailboxes.Any(m => m.Name.Equals(mailbox.Name, StringComparison.OrdinalIgnoreCase)))
                {
                    problems.Add($"Mailboxes:{box.Key}:Name '{mailbox.Name}' is used twice.");
                    continue;
                }

                mailboxes.Add(mailbox);
            }
        }

        return new EmailOptions
        {
            Mailboxes = mailboxes,
            Smtp = section.GetSection("Smtp").Exists() ? ReadSmtp(section.GetSection("Smtp"), problems) : null,
            OwnAddresses = List(section.GetSection("OwnAddresses")),
            MaxAttachmentBytes = Long(section, "", "MaxAttachmentBytes", problems) ?? 25 * 1024 * 1024,
            SenderLimit = (int?)Long(section, "", "SenderLimit", problems) ?? 30,
            SenderWindow = Span(section, "", "SenderWindow", problems) ?? TimeSpan.FromHours(1),
        };
    }

    private static MailboxOptions? ReadMailbox(IConfigurationSection box, List<string> problems)
    {
        var missing = MailboxRequired.Where(key => string.IsNullOrWhiteSpace(box[key])).ToList();
        if (string.IsNullOrWhiteSpace(box["Password"]) && string.IsNullOrWhiteSpace(box["AccessToken"]))
        {
            missing.Add("Password or AccessToken");
        }

        if (missing.Count > 0)
        {
            problems.Add($"Mailboxes:{box.Key} is missing {string.Join(", ", missing)}.");
            return null;
        }

        if (!IsName(box["Name"]!))
        {
            problems.Add($"Mailboxes:{box.Key}:Name '{box["Name"]}' must be letters, digits, '-' or '_'.");
            return null;
        }

        var security = Security(box, "Security", MailSecurity.Tls, problems);
        var interval = Span(box, box.Path, "PollInterval", problems) ?? TimeSpan.FromMinutes(1);
        if (PollSchedule.Cron(interval) is null)
        {
            problems.Add($"Mailboxes:{box.Key}:PollInterval {interval} must be whole seconds dividing a minute (1-30 s) or whole minutes dividing an hour.");
            return null;
        }

        return new MailboxOptions
        {
            Name = box["Name"]!.Trim(),
            Address = box["Address"]!.Trim(),
            Host = box["Host"]!.Trim(),
            Security = security,
            Port = (int?)Long(box, box.Path, "Port", problems) ?? (security == MailSecurity.Tls ? 993 : 143),
            User = box["User"]!,
            Password = box["Password"],
            AccessToken = box["AccessToken"],
            Folder = box["Folder"] is { Length: > 0 } folder ? folder : "INBOX",
            ProcessedFolder = box["ProcessedFolder"] is { Length: > 0 } processed ? processed : null,
            PollInterval = interval,
            Idle = !string.Equals(box["Idle"], "false", StringComparison.OrdinalIgnoreCase),
            MaxPerPoll = (int?)Long(box, box.Path, "MaxPerPoll", problems) ?? 200,
            Queue = Blank(box["Queue"]),
            Category = Blank(box["Category"]),
            Tags = List(box.GetSection("Tags")),
            Language = Blank(box["Language"]),
            Brand = Blank(box["Brand"]),
        };
    }

    private static SmtpOptions? ReadSmtp(IConfigurationSection smtp, List<string> problems)
    {
        var missing = SmtpRequired.Where(key => string.IsNullOrWhiteSpace(smtp[key])).ToList();
        if (missing.Count > 0)
        {
            problems.Add($"Smtp is missing {string.Join(", ", missing)}.");
            return null;
        }

        var security = Security(smtp, "Security", MailSecurity.StartTls, problems);
        return new SmtpOptions
        {
            Host = smtp["Host"]!.Trim(),
            Security = security,
            Port = (int?)Long(smtp, smtp.Path, "Port", problems) ?? security switch { MailSecurity.Tls => 465, MailSecurity.StartTls => 587, _ => 25 },
            User = Blank(smtp["User"]),
            Password = smtp["Password"],
            From = smtp["From"]!.Trim(),
            FromName = Blank(smtp["FromName"]),
            Timeout = Span(smtp, smtp.Path, "Timeout", problems) ?? TimeSpan.FromSeconds(8),
        };
    }

    private static MailSecurity Security(IConfigurationSection section, string key, MailSecurity fallback, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(section[key]))
        {
            return fallback;
        }

        if (Enum.TryParse<MailSecurity>(section[key], ignoreCase: true, out var security) && Enum.IsDefined(security))
        {
            return security;
        }

        problems.Add($"{section.Path}:{key} '{section[key]}' is not one of tls, starttls, none.");
        return fallback;
    }

    private static long? Long(IConfiguration section, string path, string key, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(section[key]))
        {
            return null;
        }

        if (long.TryParse(section[key], NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0)
        {
            return value;
        }

        problems.Add($"{path}:{key} '{section[key]}' is not a positive whole number.");
        return null;
    }

    private static TimeSpan? Span(IConfiguration section, string path, string key, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(section[key]))
        {
            return null;
        }

        if (TimeSpan.TryParse(section[key], CultureInfo.InvariantCulture, out var value) && value > TimeSpan.Zero)
        {
            return value;
        }

        problems.Add($"{path}:{key} '{section[key]}' is not a time span such as 00:01:00.");
        return null;
    }

    private static List<string> List(IConfigurationSection section) =>
        [.. section.GetChildren().Select(c => c.Value).OfType<string>().Where(v => v.Length > 0)];

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static bool IsName(string name) => name.Trim() is { Length: > 0 and <= 64 } trimmed && trimmed.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}

using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace HelpDesk.Connectors.Email.Hosting;

/// <summary>
/// Reads <c>HelpDesk:Plugins:email</c>. Each problem names its key; a mailbox with any problem is left out (the others
/// run), and the plugin shows the problems on its status instead of failing the hub.
/// </summary>
public static class EmailOptionsReader
{
    private static readonly string[] MailboxRequired = ["Name", "Address", "Host", "User"];
    private static readonly string[] SmtpRequired = ["Host", "From"];
    private static readonly EmailOptions Defaults = new();

    public static EmailOptions Read(IConfiguration section, out List<string> problems)
    {
        problems = [];
        var mailboxes = new List<MailboxOptions>();
        foreach (var box in section.GetSection("Mailboxes").GetChildren())
        {
            if (Mailbox(box, $"Mailboxes:{box.Key}", problems) is not { } mailbox)
            {
                continue;
            }

            if (mailboxes.Any(m => m.Name.Equals(mailbox.Name, StringComparison.OrdinalIgnoreCase)))
            {
                problems.Add($"Mailboxes:{box.Key}:Name '{mailbox.Name}' is used twice.");
                continue;
            }

            mailboxes.Add(mailbox);
        }

        return new EmailOptions
        {
            Mailboxes = mailboxes,
            Smtp = section.GetSection("Smtp").Exists() ? Smtp(section.GetSection("Smtp"), "Smtp", problems) : null,
            OwnAddresses = List(section, "OwnAddresses"),
            MaxAttachmentBytes = Number(section, "", "MaxAttachmentBytes", long.MaxValue, problems) ?? Defaults.MaxAttachmentBytes,
            SenderLimit = (int?)Number(section, "", "SenderLimit", int.MaxValue, problems) ?? Defaults.SenderLimit,
            SenderWindow = Span(section, "", "SenderWindow", problems) ?? Defaults.SenderWindow,
        };
    }

    private static MailboxOptions? Mailbox(IConfigurationSection box, string at, List<string> problems)
    {
        var missing = MailboxRequired.Where(key => Blank(box[key]) is null).ToList();
        if (Blank(box["Password"]) is null && Blank(box["AccessToken"]) is null)
        {
            missing.Add("Password or AccessToken");
        }

        if (missing.Count > 0)
        {
            problems.Add($"{at} is missing {string.Join(", ", missing)}.");
            return null;
        }

        if (!IsName(box["Name"]!))
        {
            problems.Add($"{at}:Name '{box["Name"]}' must be letters, digits, '-' or '_'.");
            return null;
        }

        var before = problems.Count;
        var security = Security(box, at, MailSecurity.Tls, problems);
        var port = Number(box, at, "Port", ushort.MaxValue, problems);
        var interval = Span(box, at, "PollInterval", problems) ?? MailboxOptions.DefaultPollInterval;
        var maxPerPoll = Number(box, at, "MaxPerPoll", 10_000, problems);
        if (PollSchedule.Cron(interval) is null)
        {
            problems.Add($"{at}:PollInterval {interval} must be whole seconds dividing a minute (1-30 s) or whole minutes dividing an hour.");
        }

        // A mailbox read half right would poll the wrong server or folder: it waits until its settings are fixed.
        if (problems.Count > before)
        {
            return null;
        }

        return new MailboxOptions
        {
            Name = box["Name"]!.Trim(),
            Address = box["Address"]!.Trim(),
            Host = box["Host"]!.Trim(),
            Security = security,
            Port = (int?)port ?? (security == MailSecurity.Tls ? 993 : 143),
            User = box["User"]!,
            Password = box["Password"],
            AccessToken = box["AccessToken"],
            Folder = Blank(box["Folder"]) ?? MailboxOptions.DefaultFolder,
            ProcessedFolder = Blank(box["ProcessedFolder"]),
            PollInterval = interval,
            Idle = !string.Equals(box["Idle"], "false", StringComparison.OrdinalIgnoreCase),
            MaxPerPoll = (int?)maxPerPoll ?? MailboxOptions.DefaultMaxPerPoll,
            Queue = Blank(box["Queue"]),
            Category = Blank(box["Category"]),
            Tags = List(box, "Tags"),
            Language = Blank(box["Language"]),
            Brand = Blank(box["Brand"]),
        };
    }

    private static SmtpOptions? Smtp(IConfigurationSection smtp, string at, List<string> problems)
    {
        var missing = SmtpRequired.Where(key => Blank(smtp[key]) is null).ToList();
        if (missing.Count > 0)
        {
            problems.Add($"{at} is missing {string.Join(", ", missing)}.");
            return null;
        }

        var security = Security(smtp, at, MailSecurity.StartTls, problems);
        return new SmtpOptions
        {
            Host = smtp["Host"]!.Trim(),
            Security = security,
            Port = (int?)Number(smtp, at, "Port", ushort.MaxValue, problems) ?? security switch { MailSecurity.Tls => 465, MailSecurity.StartTls => 587, _ => 25 },
            User = Blank(smtp["User"]),
            Password = smtp["Password"],
            From = smtp["From"]!.Trim(),
            FromName = Blank(smtp["FromName"]),
            Timeout = Span(smtp, at, "Timeout", problems) ?? SmtpOptions.DefaultTimeout,
        };
    }

    private static MailSecurity Security(IConfiguration section, string at, MailSecurity fallback, List<string> problems)
    {
        if (Blank(section["Security"]) is not { } text)
        {
            return fallback;
        }

        if (Enum.TryParse<MailSecurity>(text, ignoreCase: true, out var security) && Enum.IsDefined(security) && !text.All(char.IsAsciiDigit))
        {
            return security;
        }

        problems.Add($"{Key(at, "Security")} '{text}' is not one of tls, starttls, none.");
        return fallback;
    }

    private static long? Number(IConfiguration section, string at, string key, long max, List<string> problems)
    {
        if (Blank(section[key]) is not { } text)
        {
            return null;
        }

        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value is > 0 && value <= max)
        {
            return value;
        }

        problems.Add($"{Key(at, key)} '{text}' is not a whole number from 1 to {max}.");
        return null;
    }

    private static TimeSpan? Span(IConfiguration section, string at, string key, List<string> problems)
    {
        if (Blank(section[key]) is not { } text)
        {
            return null;
        }

        if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value) && value > TimeSpan.Zero)
        {
            return value;
        }

        problems.Add($"{Key(at, key)} '{text}' is not a time span such as 00:01:00.");
        return null;
    }

    // A list as JSON gives it (children), or as one environment variable gives it ("a, b").
    private static List<string> List(IConfiguration section, string key)
    {
        // Children first: some hosts give a section with children an empty value of its own.
        var child = section.GetSection(key);
        var items = child.GetChildren().ToList();
        var values = items.Count > 0 ? items.Select(c => c.Value ?? "") : (child.Value ?? "").Split(',');
        return [.. values.Select(v => v.Trim()).Where(v => v.Length > 0)];
    }

    private static string Key(string at, string key) => at.Length == 0 ? key : $"{at}:{key}";

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static bool IsName(string name) => name.Trim() is { Length: > 0 and <= 64 } trimmed && trimmed.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using HelpDesk.Domain.Commands;
using HelpDesk.Domain.Tickets;

namespace HelpDesk.Domain.Alerts;

/// <summary>The tickets alerts open: an incident per alert, or one per storm from a source.</summary>
public static class AlertTickets
{
    public const string AlertTag = "alert";
    public const string StormTag = "alert-storm";
    public const string FlappingTag = "flapping";

    /// <summary>How many of its alerts a ticket lists in queries (firing first); a storm incident's full list is read from the alerts.</summary>
    public const int ListedOnTicket = 100;

    public static OpenTicket ForAlert(ReportAlert report, AlertPolicy policy) => new(
        report.Summary,
        AlertText.Description(report),
        RequesterFor(report.Source),
        Channel.Monitoring,
        TicketType.Incident,
        Category: null,
        Priority: policy.PriorityOf(report.Severity),
        Tags: [AlertTag, $"severity-{Name(report.Severity)}"],
        Fields: Fields(report),
        ExternalId: ExternalId("alert", report.Source, report.DedupKey));

    public static OpenTicket ForStorm(ReportAlert first, AlertPolicy policy)
    {
        var subject = $"Alert storm from {first.Source}: more than {policy.StormThreshold} new alerts within {Describe(policy.StormWindow)}";
        var description = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"{first.Source} reported more than {policy.StormThreshold} new alerts within {Describe(policy.StormWindow)}.")
            .AppendLine("Further new alerts from it are grouped on this ticket instead of each opening its own, until the rate falls again;")
            .AppendLine("each one is listed in the ticket's alerts and history.")
            .AppendLine()
            .AppendLine("First grouped alert:")
            .AppendLine();
        description.Append(AlertText.Description(first, TicketLimits.Body - description.Length));
        var priority = policy.PriorityOf(first.Severity) < Priority.High ? Priority.High : policy.PriorityOf(first.Severity);
        return new OpenTicket(
            TicketInput.Blank(subject.Length <= TicketLimits.Subject ? subject : subject[..TicketLimits.Subject])!,
            description.ToString(),
            RequesterFor(first.Source),
            Channel.Monitoring,
            TicketType.Incident,
            Priority: priority,
            Tags: [AlertTag, StormTag],
            ExternalId: StormExternalId(first.Source));
    }

    public static string StormExternalId(string source) => ExternalId("alert-storm", source, "");

    public static string Name(AlertSeverity severity) => severity.ToString().ToLowerInvariant();

    public static string Name(AlertStatus status) => status.ToString().ToLowerInvariant();

    /// <summary>
    /// Monitoring is not a person who can be written to: the address is in the reserved <c>.invalid</c> domain
    /// (RFC 2606), so no notification about the ticket can ever be mailed to it.
    /// </summary>
    private static Requester RequesterFor(string source)
    {
        var local = new string([.. source.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]).Trim('-');
        local = local.Length == 0 ? "monitoring" : local[..Math.Min(local.Length, 64)].TrimEnd('-');
        return new Requester($"{local}@monitoring.invalid", source, Language: null, TimeZone: null, Organization: null);
    }

    private static Dictionary<string, string> Fields(ReportAlert report)
    {
        var fields = new Dictionary<string, string>
        {
            ["alert.source"] = Cut(report.Source),
            ["alert.key"] = Cut(report.DedupKey),
        };
        if (report.Group is { } group)
        {
            fields["alert.group"] = Cut(group);
        }

        return fields;
    }

    private static string Cut(string value) => value.Length <= TicketLimits.FieldValue ? value : value[..TicketLimits.FieldValue];

    // Readable when it fits the column, a stable hash when source and key are too long together.
    private static string ExternalId(string kind, string source, string key)
    {
        var id = key.Length == 0 ? $"{kind}:{source}" : $"{kind}:{source}:{key}";
        return id.Length <= TicketLimits.ExternalId
            ? id
            : $"{kind}:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)))}";
    }

    private static string Describe(TimeSpan window) =>
        window.TotalMinutes >= 1 && window.TotalMinutes == Math.Floor(window.TotalMinutes)
            ? window.TotalMinutes == 1 ? "1 minute" : $"{window.TotalMinutes:0} minutes"
            : $"{window.TotalSeconds:0} seconds";
}

using System.Globalization;

namespace HelpDesk.Core.Notifications;

/// <summary>
/// What a template may use, and nothing else (no .NET objects reach Scriban). Times are given already in the
/// recipient's time zone and language, as text: <c>{{ ticket.created_at }}</c>, <c>{{ sla.due_at }}</c>.
/// </summary>
public sealed record NotificationModel(
    long TicketNumber,
    string Subject,
    string Status,
    string Priority,
    string TicketUrl,
    DateTimeOffset CreatedAt,
    string RecipientName,
    string RecipientEmail)
{
    public string? RecipientLanguage { get; init; }

    public string? RecipientTimeZone { get; init; }

    public string? MessageBody { get; init; }

    public string? MessageAuthor { get; init; }

    public string? AgentName { get; init; }

    public string? SlaTarget { get; init; }

    public DateTimeOffset? SlaDueAt { get; init; }

    public string? SatisfactionUrl { get; init; }

    /// <summary>A time as the recipient reads it: in their zone (UTC when unknown), in their language's format.</summary>
    public string Local(DateTimeOffset at)
    {
        var zone = RecipientTimeZone is { } id && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var found) ? found : TimeZoneInfo.Utc;
        var culture = Culture(RecipientLanguage);
        var local = TimeZoneInfo.ConvertTime(at, zone);
        return $"{local.ToString("f", culture)} ({zone.Id})";
    }

    public static CultureInfo Culture(string? language)
    {
        try
        {
            return language is { Length: > 0 } ? CultureInfo.GetCultureInfo(language) : CultureInfo.InvariantCulture;
        }
        catch (CultureNotFoundException)
        {
            return CultureInfo.InvariantCulture;
        }
    }
}

namespace HelpDesk.Sdk.Capabilities;

/// <summary>When a scheduled task runs.</summary>
/// <param name="Cron">
/// A Quartz cron expression, seconds first: <c>0 */5 * * * ?</c> is every five minutes, <c>0 0 8 ? * MON-FRI</c> is
/// weekdays at eight.
/// </param>
/// <param name="TimeZone">The IANA time zone the expression is read in (<c>Europe/Berlin</c>); null for UTC.</param>
public sealed record TaskSchedule(string Cron, string? TimeZone = null);

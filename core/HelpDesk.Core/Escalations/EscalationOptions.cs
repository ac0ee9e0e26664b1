namespace HelpDesk.Core.Escalations;

/// <summary>The <c>HelpDesk:Escalations</c> section.</summary>
public sealed class EscalationOptions
{
    /// <summary>
    /// Where people reach a ticket in the hub, for the link back from a tracker's issue: <c>{number}</c> is replaced.
    /// The API's address until a web UI exists.
    /// </summary>
    public string TicketUrlTemplate { get; set; } = "http://localhost:5080/api/v1/tickets/{number}";

    /// <summary>Attempts at one escalation, the first included, before it is abandoned (and the ticket says why).</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>Wait after the first failure; each further failure doubles it, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often failing escalations are looked for.</summary>
    public TimeSpan RetryScanInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Whether a ticket waiting (pending, on-hold) goes back to open when its tracker issue is done, so its agent acts.</summary>
    public bool ReopenWhenDone { get; set; } = true;

    public string TicketUrl(long number) => TicketUrlTemplate.Replace("{number}", number.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
}

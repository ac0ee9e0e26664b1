namespace HelpDesk.Core.Escalations;

/// <summary>The <c>HelpDesk:Escalations</c> section.</summary>
public sealed class EscalationOptions
{
    /// <summary>
    /// Where people reach a ticket in the hub, for the link back from a tracker's issue: <c>{number}</c> is replaced.
    /// The API's address until a web UI exists.
    /// </summary>
    public string TicketUrlTemplate { get; set; } = "http://localhost:5080/api/v1/tickets/{number}";

    /// <summary>Whether a ticket waiting (pending, on-hold) goes back to open when its tracker issue is done, so its agent acts.</summary>
    public bool ReopenWhenDone { get; set; } = true;

    public string TicketUrl(long number) => TicketUrlTemplate.Replace("{number}", number.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
}

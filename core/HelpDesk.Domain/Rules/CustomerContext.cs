namespace HelpDesk.Domain.Rules;

/// <summary>
/// What the help desk knows about a requester beyond the ticket: their segment (<c>enterprise</c>, <c>vip</c>) and region
/// (<c>emea</c>), set through the API now and by a CRM connector later. Rules and SLA policies test them as
/// <c>customer.segment</c> and <c>customer.region</c>.
/// </summary>
public sealed record CustomerContext(string Email, string? Segment, string? Region)
{
    /// <summary>
    /// False when the customer asked for no automatic notifications (received, solved). Agents' replies are the
    /// conversation itself and still reach them.
    /// </summary>
    public bool Notify { get; init; } = true;
}

using HelpDesk.Domain.Customers;
using HelpDesk.Domain.Tickets;

namespace HelpDesk.Domain.Rules;

/// <summary>
/// What the help desk knows about a requester beyond the ticket, as rules and SLA policies test it
/// (<c>customer.tier</c>, <c>customer.region</c>): the support team's own record (segment, region, set through the
/// API) over what the context providers said (the ticket's <see cref="TicketState.Customer"/>).
/// </summary>
public sealed record CustomerContext(string Email, string? Segment, string? Region)
{
    /// <summary>
    /// False when the customer asked for no automatic notifications (received, solved). Agents' replies are the
    /// conversation itself and still reach them.
    /// </summary>
    public bool Notify { get; init; } = true;

    public string? Tier { get; init; }

    public bool Vip { get; init; }

    public string? Company { get; init; }

    public string? Owner { get; init; }

    public string? Language { get; init; }

    public IReadOnlyDictionary<string, string> Attributes { get; init; } = new Dictionary<string, string>();

    /// <summary>How many of the customer's invoices are overdue, as the ticket's context last said.</summary>
    public int OverdueInvoices { get; init; }

    /// <summary>The view rules test for a ticket: the team's record (<paramref name="stored"/>) wins over the providers'.</summary>
    public static CustomerContext? Of(TicketState ticket, CustomerContext? stored, DateTimeOffset now)
    {
        if (ticket.Customer is not { } context)
        {
            return stored;
        }

        return new CustomerContext(context.Email, stored?.Segment ?? context.Segment, stored?.Region ?? context.Region)
        {
            Notify = stored?.Notify ?? true,
            Tier = context.Tier,
            Vip = context.Vip,
            Company = context.Company,
            Owner = context.Owner,
            Language = context.Language,
            Attributes = context.Attributes,
            OverdueInvoices = context.OverdueInvoices(now).Count(),
        };
    }
}

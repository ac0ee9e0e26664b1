using HelpDesk.Sdk.Tickets;

namespace HelpDesk.Sdk.Testing;

/// <summary>The hub's status moves (HelpDesk.Domain's <c>TicketStatusRules</c>): new only starts, closed is final, reopening goes through solved.</summary>
internal static class TicketStatusRules
{
    private static readonly Dictionary<TicketStatus, TicketStatus[]> Allowed = new()
    {
        [TicketStatus.New] = [TicketStatus.Open, TicketStatus.Pending, TicketStatus.OnHold, TicketStatus.Solved, TicketStatus.Closed],
        [TicketStatus.Open] = [TicketStatus.Pending, TicketStatus.OnHold, TicketStatus.Solved, TicketStatus.Closed],
        [TicketStatus.Pending] = [TicketStatus.Open, TicketStatus.OnHold, TicketStatus.Solved, TicketStatus.Closed],
        [TicketStatus.OnHold] = [TicketStatus.Open, TicketStatus.Pending, TicketStatus.Solved, TicketStatus.Closed],
        [TicketStatus.Solved] = [TicketStatus.Open, TicketStatus.Closed],
        [TicketStatus.Closed] = [],
    };

    public static HelpDeskApiException? CheckMove(TicketStatus from, TicketStatus to)
    {
        if (Allowed[from].Contains(to))
        {
            return null;
        }

        var allowed = string.Join(", ", Allowed[from].Select(Name));
        return Refusals.Invalid("status", $"A ticket cannot go from {Name(from)} to {Name(to)}" + (allowed.Length > 0 ? $"; allowed: {allowed}." : "; it is final."));
    }

    public static string Name(TicketStatus status) => status == TicketStatus.OnHold ? "on-hold" : status.ToString().ToLowerInvariant();
}

using HelpDesk.Domain.Commands;

namespace HelpDesk.Domain.Tickets;

public static class TicketStatusRules
{
    // New is only ever a starting point; Closed is final (a customer who writes again gets a follow-up ticket).
    // Any working status may be closed directly, as Freshdesk and Zammad allow; reopening goes through Solved.
    private static readonly Dictionary<TicketStatus, TicketStatus[]> Allowed = new()
    {
        [TicketStatus.New] = [TicketStatus.Open, TicketStatus.Pending, TicketStatus.OnHold, TicketStatus.Solved, TicketStatus.Closed],
        [TicketStatus.Open] = [TicketStatus.Pending, TicketStatus.OnHold, TicketStatus.Solved, TicketStatus.Closed],
        [TicketStatus.Pending] = [TicketStatus.Open, TicketStatus.OnHold, TicketStatus.Solved, TicketStatus.Closed],
        [TicketStatus.OnHold] = [TicketStatus.Open, TicketStatus.Pending, TicketStatus.Solved, TicketStatus.Closed],
        [TicketStatus.Solved] = [TicketStatus.Open, TicketStatus.Closed],
        [TicketStatus.Closed] = [],
    };

    public static bool CanMove(TicketStatus from, TicketStatus to) => Allowed[from].Contains(to);

    public static IReadOnlyList<TicketStatus> NextFrom(TicketStatus from) => Allowed[from];

    public static bool PausesSla(TicketStatus status) => status is TicketStatus.Pending or TicketStatus.OnHold;

    /// <summary>Why <paramref name="from"/> cannot move to <paramref name="to"/>, naming the moves that are allowed; null when it can.</summary>
    public static Rejection? CheckMove(TicketStatus from, TicketStatus to)
    {
        if (CanMove(from, to))
        {
            return null;
        }

        var allowed = string.Join(", ", NextFrom(from).Select(Name));
        return Rejection.Invalid("status", $"A ticket cannot go from {Name(from)} to {Name(to)}" + (allowed.Length > 0 ? $"; allowed: {allowed}." : "; it is final."));
    }

    /// <summary>The status as the API spells it ("on-hold").</summary>
    public static string Name(TicketStatus status) => status == TicketStatus.OnHold ? "on-hold" : status.ToString().ToLowerInvariant();
}

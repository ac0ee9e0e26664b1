using HelpDesk.Core.Queries;

namespace HelpDesk.Server.Security;

/// <summary>Whether a caller may act on a ticket it names by number: an occasional agent only on theirs (customers are refused earlier).</summary>
public static class TicketAccess
{
    public static async Task<bool> MayActOnAsync(this Caller caller, long number, TicketQueries queries, CancellationToken cancellationToken) =>
        caller.OccasionalQueues is null || (await queries.GetAsync(number, cancellationToken) is { } ticket && caller.MaySee(ticket));
}

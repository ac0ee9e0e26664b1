namespace HelpDesk.Core.Queries;

public enum TicketSortField
{
    Created,
    Updated,
    Priority,
    Number,

    /// <summary>The earliest SLA due time; tickets without one come last.</summary>
    DueAt,
}

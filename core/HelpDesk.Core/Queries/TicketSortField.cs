namespace HelpDesk.Core.Queries;

public enum TicketSortField
{
    Created,
    Updated,
    Priority,
    Number,
}

namespace HelpDesk.Domain.Tickets;

public enum TicketType
{
    Question,
    Incident,
    Problem,
    Task,
}

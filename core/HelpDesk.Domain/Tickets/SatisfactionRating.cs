namespace HelpDesk.Domain.Tickets;

/// <summary>Three answers, as Zendesk's and Freshdesk's surveys ask: quick to give, easy to report on.</summary>
public enum SatisfactionRating
{
    Good,
    Neutral,
    Bad,
}

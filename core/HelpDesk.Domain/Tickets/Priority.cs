namespace HelpDesk.Domain.Tickets;

/// <summary>Ordered from least to most pressing, so comparisons and sorting follow the enum's values.</summary>
public enum Priority
{
    Low,
    Normal,
    High,
    Urgent,
}

public enum Impact
{
    Low,
    Medium,
    High,
}

public enum Urgency
{
    Low,
    Medium,
    High,
}

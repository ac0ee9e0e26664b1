namespace HelpDesk.Domain.Alerts;

public enum AlertStep
{
    /// <summary>Nothing to store or show.</summary>
    None,

    /// <summary>Store the record and bring the alert's ticket up to date.</summary>
    UpdateTicket,

    /// <summary>Store the record on a new ticket (its own, or the source's storm incident), then bring that up to date.</summary>
    OpenTicket,
}

/// <summary>What a report should do, decided on the alert's record alone.</summary>
public sealed record AlertPlan(AlertStep Step, AlertOutcome Outcome, AlertRecord? Record);

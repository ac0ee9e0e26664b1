using HelpDesk.Domain.Commands;

namespace HelpDesk.Domain.Alerts;

/// <summary>What a report did and which ticket the alert is on, or why it was refused (then nothing changed).</summary>
public sealed record AlertResult(AlertOutcome Outcome, long? Ticket, int Occurrences, Rejection? Rejection = null)
{
    public static AlertResult Rejected(Rejection rejection) => new(AlertOutcome.Ignored, null, 0, rejection);
}

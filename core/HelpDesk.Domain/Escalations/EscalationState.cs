namespace HelpDesk.Domain.Escalations;

public enum EscalationState
{
    /// <summary>Asked for; the tracker has not answered yet.</summary>
    Requested,

    /// <summary>The last attempt failed; the hub keeps trying.</summary>
    Failing,

    /// <summary>The issue exists and the ticket is linked to it.</summary>
    Done,

    /// <summary>It cannot succeed (no such issue to link); nothing more is tried.</summary>
    Abandoned,
}

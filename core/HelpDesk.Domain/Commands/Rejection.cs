namespace HelpDesk.Domain.Commands;

public enum RejectionKind
{
    /// <summary>The command itself is wrong (a value out of range, an illegal transition).</summary>
    Invalid,
    NotFound,

    /// <summary>The command is well formed but the ticket's state forbids it (it exists already, it is closed).</summary>
    Conflict,

    /// <summary>The caller's expected version is stale.</summary>
    PreconditionFailed,
}

/// <summary>Why a command changed nothing, naming the field at fault as the API spells it.</summary>
public sealed record Rejection(RejectionKind Kind, string Field, string Message)
{
    public static Rejection Invalid(string field, string message) => new(RejectionKind.Invalid, field, message);
}

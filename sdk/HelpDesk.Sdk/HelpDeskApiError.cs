namespace HelpDesk.Sdk;

/// <summary>Why the hub refused a request.</summary>
public enum HelpDeskApiError
{
    /// <summary>A value is wrong (too long, unknown, an illegal status change).</summary>
    Invalid,

    /// <summary>There is no such ticket.</summary>
    NotFound,

    /// <summary>The ticket's state forbids it (closed), or it changed meanwhile: read it again and retry.</summary>
    Conflict,
}

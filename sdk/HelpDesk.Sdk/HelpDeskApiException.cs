namespace HelpDesk.Sdk;

/// <summary>The hub refused a request from a plugin; nothing was changed.</summary>
public sealed class HelpDeskApiException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="kind">Why it was refused.</param>
    /// <param name="field">The field at fault, as the REST API names it.</param>
    /// <param name="message">What to fix.</param>
    public HelpDeskApiException(HelpDeskApiError kind, string field, string message)
        : base(message)
    {
        Kind = kind;
        Field = field;
    }

    /// <summary>Why it was refused.</summary>
    public HelpDeskApiError Kind { get; }

    /// <summary>The field at fault, as the REST API names it (<c>requester.email</c>, <c>status</c>).</summary>
    public string Field { get; }
}

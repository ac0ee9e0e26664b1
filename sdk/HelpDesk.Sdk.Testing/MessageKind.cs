namespace HelpDesk.Sdk.Testing;

/// <summary>Which <see cref="IHelpDeskApi"/> call added a message.</summary>
public enum MessageKind
{
    /// <summary><see cref="IHelpDeskApi.AddCustomerReplyAsync(long, string, CancellationToken)"/> and its channel overload.</summary>
    CustomerReply,

    /// <summary><see cref="IHelpDeskApi.AddAgentReplyAsync"/>.</summary>
    AgentReply,

    /// <summary><see cref="IHelpDeskApi.AddInternalNoteAsync"/>.</summary>
    InternalNote,
}

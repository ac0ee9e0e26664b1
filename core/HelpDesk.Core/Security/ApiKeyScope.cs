namespace HelpDesk.Core.Security;

public enum ApiKeyScope
{
    /// <summary>Everything, including managing keys.</summary>
    Admin,

    /// <summary>Works tickets: reads all, replies, notes, changes them.</summary>
    Agent,

    /// <summary>A system calling in. Bound to a customer, it sees and writes only that customer's public side.</summary>
    Integration,
}

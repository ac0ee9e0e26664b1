namespace HelpDesk.Sdk.Tickets;

/// <summary>An item in another system that a ticket is linked to, such as a Jira issue.</summary>
/// <param name="System">The other system's name as plugins agree on it (<c>jira</c>, <c>github</c>).</param>
/// <param name="Key">The item's key there (<c>OPS-12</c>, <c>org/repo#42</c>).</param>
/// <param name="Url">Where a person can open it.</param>
public sealed record ExternalReference(string System, string Key, string? Url = null);

using HelpDesk.Sdk.Tickets;

namespace HelpDesk.Sdk.Capabilities;

/// <summary>An issue in a tracker as it stands. Optional members may be added over time.</summary>
/// <param name="Reference">Its system, key and URL: what the ticket is linked to.</param>
/// <param name="Status">Its status as the tracker names it (<c>In Progress</c>, <c>closed</c>).</param>
public sealed record ExternalIssue(ExternalReference Reference, string Status)
{
    /// <summary>Whether the tracker counts it as done (a Jira done status, a closed GitHub issue).</summary>
    public bool IsResolved { get; init; }

    /// <summary>Its title there.</summary>
    public string? Title { get; init; }
}

namespace HelpDesk.Sdk.Capabilities;

/// <summary>
/// A capability the hub picks by name, as configuration and admins refer to it (<c>jira</c>, <c>zoom</c>,
/// <c>email</c>). Names are lower-case, unique per capability across running plugins, and stable across versions.
/// </summary>
public interface INamedCapability
{
    /// <summary>The name the hub and its configuration know this capability by.</summary>
    string Name { get; }
}

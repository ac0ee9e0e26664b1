namespace HelpDesk.Core.Plugins.Capabilities;

/// <summary>A call into a plugin that brought no answer: what to show an agent or admin instead of a 500.</summary>
public sealed record CapabilityFailure(CapabilityFailureKind Kind, string PluginId, string Capability, string Message)
{
    /// <summary>
    /// A failure that says nothing about the request itself (the plugin's outside system is down, the plugin is slow or
    /// resting after failures): waiting and calling again is the answer, so it should not count against the request.
    /// </summary>
    public bool IsTransient => Kind is CapabilityFailureKind.Deferred or CapabilityFailureKind.TimedOut or CapabilityFailureKind.CircuitOpen;
}

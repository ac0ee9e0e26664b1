namespace HelpDesk.Core.Plugins.Capabilities;

/// <summary>A call into a plugin that brought no answer: what to show an agent or admin instead of a 500.</summary>
public sealed record CapabilityFailure(CapabilityFailureKind Kind, string PluginId, string Capability, string Message);

namespace HelpDesk.Core.Plugins.Capabilities;

/// <summary>Why a call into a plugin's capability brought no answer.</summary>
public enum CapabilityFailureKind
{
    /// <summary>The plugin is not running (disabled, faulted, removed) or no longer offers the capability.</summary>
    Unavailable,

    /// <summary>The plugin did not answer within its call timeout.</summary>
    TimedOut,

    /// <summary>The plugin failed often lately; its circuit breaker refuses calls for a while.</summary>
    CircuitOpen,

    /// <summary>The plugin threw.</summary>
    Failed,

    /// <summary>The plugin's outside system cannot take the call for now (<see cref="Sdk.Capabilities.ChannelUnavailableException"/>).</summary>
    Deferred,
}

namespace HelpDesk.Core.Plugins.Capabilities;

/// <summary>What a plugin's capability answered, or why it did not.</summary>
public sealed record CapabilityResult<T>(T? Value, CapabilityFailure? Failure)
{
    public bool Succeeded => Failure is null;
}

namespace HelpDesk.Core.Plugins.Hosting;

/// <summary>What admins see of a plugin.</summary>
public sealed record PluginStatus(string Id, string? Version, string? DisplayName, PluginState State, IReadOnlyList<string> Capabilities, string? Error, DateTimeOffset Since);

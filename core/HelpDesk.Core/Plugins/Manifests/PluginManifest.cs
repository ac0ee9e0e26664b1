namespace HelpDesk.Core.Plugins.Manifests;

/// <summary>
/// <c>plugin.json</c>, read and checked before any of the plugin's code is loaded. <see cref="Sdk"/> is a NuGet
/// version range such as <c>[0.1.0, 1.0.0)</c>: the SDK versions the plugin was built to work with.
/// </summary>
public sealed record PluginManifest(
    string? Id,
    string? Version,
    string? DisplayName,
    string? Assembly,
    string? EntryPoint,
    string? Sdk,
    IReadOnlyList<string>? Capabilities);

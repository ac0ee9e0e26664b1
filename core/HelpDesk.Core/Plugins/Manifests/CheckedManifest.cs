using NuGet.Versioning;

namespace HelpDesk.Core.Plugins.Manifests;

/// <summary>A manifest that passed every check, with its values parsed.</summary>
public sealed record CheckedManifest(string Id, NuGetVersion Version, string DisplayName, string AssemblyPath, string EntryPoint, VersionRange Sdk, IReadOnlyList<string> Capabilities);

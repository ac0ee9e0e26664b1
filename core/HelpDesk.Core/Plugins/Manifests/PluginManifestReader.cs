using System.Text.Json;
using System.Text.RegularExpressions;
using HelpDesk.Sdk;
using NuGet.Versioning;

namespace HelpDesk.Core.Plugins.Manifests;

/// <summary>
/// Reads <c>{folder}/plugin.json</c> and checks it against the folder and this hub's SDK, collecting every problem
/// at once so an admin fixes them in one go. A plugin with any problem is never loaded.
/// </summary>
public static partial class PluginManifestReader
{
    public const string FileName = "plugin.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { AllowTrailingCommas = true, ReadCommentHandling = JsonCommentHandling.Skip };

    /// <summary>The SDK this hub implements; a plugin's range must include it.</summary>
    public static NuGetVersion HostSdkVersion { get; } = SdkVersionOf(typeof(IHelpDeskApi).Assembly);

    public static (CheckedManifest? Manifest, IReadOnlyList<ManifestProblem> Problems) Read(string folder) => Read(folder, HostSdkVersion);

    public static (CheckedManifest? Manifest, IReadOnlyList<ManifestProblem> Problems) Read(string folder, NuGetVersion hostSdk)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path))
        {
            return (null, [new(FileName, $"There is no {FileName} in {folder}.")]);
        }

        PluginManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<PluginManifest>(File.ReadAllBytes(path), Json);
        }
        catch (JsonException error)
        {
            return (null, [new(FileName, $"Not valid JSON: {error.Message}")]);
        }

        return manifest is null ? (null, [new(FileName, "The manifest is empty.")]) : Check(manifest, folder, hostSdk);
    }

    private static (CheckedManifest?, IReadOnlyList<ManifestProblem>) Check(PluginManifest manifest, string folder, NuGetVersion hostSdk)
    {
        var problems = new List<ManifestProblem>();
        var folderName = Path.GetFileName(Path.TrimEndingDirectorySeparator(folder));
        if (manifest.Id is not { } id || !IdPattern().IsMatch(id))
        {
            problems.Add(new("id", "The id is 2 to 40 lower-case letters, digits or '-', starting with a letter."));
        }
        else if (id != folderName)
        {
            problems.Add(new("id", $"The id '{id}' must be the folder's name, '{folderName}'."));
        }

        if (!NuGetVersion.TryParseStrict(manifest.Version ?? "", out var version))
        {
            problems.Add(new("version", $"'{manifest.Version}' is not a semantic version such as 1.4.0."));
        }

        if (!VersionRange.TryParse(manifest.Sdk ?? "", out var sdk))
        {
            problems.Add(new("sdk", $"'{manifest.Sdk}' is not a version range such as [0.1.0, 1.0.0)."));
        }
        else if (!sdk.Satisfies(hostSdk))
        {
            problems.Add(new("sdk", $"Built for SDK {sdk.PrettyPrint()}, but this hub implements SDK {hostSdk}; rebuild the plugin against it."));
        }

        var assemblyPath = Path.Combine(folder, manifest.Assembly ?? "");
        if (string.IsNullOrWhiteSpace(manifest.Assembly) || manifest.Assembly.IndexOfAny(['/', '\\']) >= 0 || !manifest.Assembly.EndsWith(".dll", StringComparison.Ordinal))
        {
            problems.Add(new("assembly", "The assembly is the plugin's .dll file name, in the plugin's folder."));
        }
        else if (!File.Exists(assemblyPath))
        {
            problems.Add(new("assembly", $"{manifest.Assembly} is not in {folder}."));
        }

        if (string.IsNullOrWhiteSpace(manifest.EntryPoint))
        {
            problems.Add(new("entryPoint", $"The entry point is the full name of the plugin's {nameof(IHelpDeskPlugin)} class."));
        }

        var capabilities = manifest.Capabilities ?? [];
        foreach (var unknown in capabilities.Where(c => !PluginCapabilities.Known.ContainsKey(c)))
        {
            problems.Add(new("capabilities", $"'{unknown}' is not a capability; known: {string.Join(", ", PluginCapabilities.Known.Keys)}."));
        }

        return problems.Count > 0
            ? (null, problems)
            : (new CheckedManifest(manifest.Id!, version!, manifest.DisplayName ?? manifest.Id!, assemblyPath, manifest.EntryPoint!, sdk!, capabilities), problems);
    }

    private static NuGetVersion SdkVersionOf(System.Reflection.Assembly sdk)
    {
        var version = sdk.GetName().Version ?? new Version(0, 0, 0);
        return new NuGetVersion(version.Major, version.Minor, version.Build);
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{1,39}$")]
    private static partial Regex IdPattern();
}

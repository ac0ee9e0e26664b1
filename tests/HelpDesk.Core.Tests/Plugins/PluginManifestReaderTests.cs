using HelpDesk.Core.Plugins.Manifests;
using HelpDesk.TestSupport;
using NuGet.Versioning;

namespace HelpDesk.Core.Tests.Plugins;

public sealed class PluginManifestReaderTests : IDisposable
{
    private const string Valid = """
        {
          "id": "jira",
          "version": "1.4.0",
          "displayName": "Jira",
          "assembly": "HelpDesk.Connectors.Jira.dll",
          "entryPoint": "HelpDesk.Connectors.Jira.JiraPlugin",
          "sdk": "[0.1.0, 1.0.0)",
          "capabilities": ["event-handler", "webhook-receiver"]
        }
        """;

    private readonly TempDirectory _root = new();

    public void Dispose() => _root.Dispose();

    [Fact]
    public void A_valid_manifest_is_read_with_its_values_parsed()
    {
        var (manifest, problems) = PluginManifestReader.Read(Folder("jira", Valid), NuGetVersion.Parse("0.1.0"));

        Assert.Empty(problems);
        Assert.NotNull(manifest);
        Assert.Equal(("jira", "1.4.0", "Jira"), (manifest.Id, manifest.Version.ToNormalizedString(), manifest.DisplayName));
        Assert.Equal(["event-handler", "webhook-receiver"], manifest.Capabilities);
    }

    [Fact]
    public void A_plugin_built_for_another_sdk_major_is_refused_with_both_versions_named()
    {
        var (manifest, problems) = PluginManifestReader.Read(Folder("jira", Valid.Replace("[0.1.0, 1.0.0)", "[1.0.0, 2.0.0)", StringComparison.Ordinal)), NuGetVersion.Parse("0.1.0"));

        Assert.Null(manifest);
        var problem = Assert.Single(problems);
        Assert.Equal("sdk", problem.Field);
        Assert.Contains("0.1.0", problem.Message, StringComparison.Ordinal);
        Assert.Contains("1.0.0", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        const string broken = """{ "id": "Jira!", "version": "one", "assembly": "../x.dll", "sdk": "whatever", "capabilities": ["teleport"] }""";

        var (manifest, problems) = PluginManifestReader.Read(Folder("jira", broken), NuGetVersion.Parse("0.1.0"));

        Assert.Null(manifest);
        Assert.Equal(["assembly", "capabilities", "entryPoint", "id", "sdk", "version"], problems.Select(p => p.Field).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("github", "id")]
    [InlineData("jira", null)]
    public void The_id_must_be_the_folders_name(string folder, string? field)
    {
        var (_, problems) = PluginManifestReader.Read(Folder(folder, Valid), NuGetVersion.Parse("0.1.0"));

        Assert.Equal(field, problems.SingleOrDefault()?.Field);
    }

    [Fact]
    public void A_missing_assembly_file_a_missing_manifest_and_bad_json_are_explained()
    {
        var folder = Folder("jira", Valid);
        File.Delete(Path.Combine(folder, "HelpDesk.Connectors.Jira.dll"));

        Assert.Equal("assembly", Assert.Single(PluginManifestReader.Read(folder, NuGetVersion.Parse("0.1.0")).Problems).Field);
        Assert.Equal("plugin.json", Assert.Single(PluginManifestReader.Read(Directory.CreateDirectory(Path.Combine(_root.Path, "empty")).FullName).Problems).Field);
        Assert.Contains("JSON", Assert.Single(PluginManifestReader.Read(Folder("bad", "{ not json")).Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_hubs_sdk_version_is_the_sdk_assemblys()
    {
        Assert.Equal(new NuGetVersion(0, 5, 0), PluginManifestReader.HostSdkVersion);
    }

    private string Folder(string name, string manifest)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_root.Path, name)).FullName;
        File.WriteAllText(Path.Combine(folder, PluginManifestReader.FileName), manifest);
        File.WriteAllBytes(Path.Combine(folder, "HelpDesk.Connectors.Jira.dll"), [0x4D, 0x5A]);
        return folder;
    }
}

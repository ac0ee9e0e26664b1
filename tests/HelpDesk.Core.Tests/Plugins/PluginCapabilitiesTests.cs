using HelpDesk.Core.Plugins.Manifests;
using HelpDesk.Sdk;

namespace HelpDesk.Core.Tests.Plugins;

public sealed class PluginCapabilitiesTests
{
    [Fact]
    public void Every_capability_interface_of_the_sdk_has_a_manifest_name_documented_in_the_plugin_targets()
    {
        var interfaces = typeof(IHelpDeskApi).Assembly.GetExportedTypes()
            .Where(t => t.IsInterface && t.Namespace == "HelpDesk.Sdk.Capabilities" && t.Name != "INamedCapability");
        var targets = File.ReadAllText(Path.Combine(RepositoryRoot(), "sdk", "build", "HelpDesk.Plugin.targets"));

        foreach (var contract in interfaces)
        {
            var name = PluginCapabilities.NameOf(contract);
            Assert.Contains($"{name} ", targets, StringComparison.Ordinal);
            Assert.Contains(contract.Name, targets, StringComparison.Ordinal);
        }
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(directory!.FullName, "HelpDesk.sln")))
        {
            directory = directory.Parent;
        }

        return directory.FullName;
    }
}

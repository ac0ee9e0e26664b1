using Microsoft.Extensions.Configuration;

namespace HelpDesk.Sdk.Testing;

/// <summary>Builds the plugin's section the way the hub reads it, so a plugin that reads its own keys reads them here too.</summary>
internal static class PluginConfiguration
{
    public static IConfiguration Section(string pluginId, IReadOnlyDictionary<string, string?> settings)
    {
        var sectionPath = $"HelpDesk:Plugins:{pluginId}";
        var root = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create($"{sectionPath}:{s.Key}", s.Value)))
            .Build();
        return root.GetSection(sectionPath);
    }
}

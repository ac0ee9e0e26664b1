namespace HelpDesk.TestSupport;

/// <summary>
/// Installs the compiled fixture plugin (tests/Fixtures, copied beside the tests at build time) into a plugins folder,
/// as a deployment would: assembled aside, then moved in whole, so a watching host never sees half a plugin.
/// </summary>
public static class FixturePlugins
{
    /// <summary>Installs the echo plugin as <paramref name="id"/>; returns its folder.</summary>
    public static string InstallEcho(string pluginsDirectory, string id = "echo", Func<string, string>? editManifest = null)
    {
        var source = Path.Combine(AppContext.BaseDirectory, "fixture-plugins", "echo");
        Directory.CreateDirectory(pluginsDirectory);
        var staging = Directory.CreateDirectory(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(pluginsDirectory))!, $".staging-{id}-{Guid.NewGuid():N}")).FullName;
        foreach (var file in Directory.GetFiles(source))
        {
            File.Copy(file, Path.Combine(staging, Path.GetFileName(file)));
        }

        var manifest = Path.Combine(staging, "plugin.json");
        var text = File.ReadAllText(manifest).Replace("\"id\": \"echo\"", $"\"id\": \"{id}\"", StringComparison.Ordinal);
        File.WriteAllText(manifest, editManifest is null ? text : editManifest(text));

        var target = Path.Combine(pluginsDirectory, id);
        Directory.Move(staging, target);
        return target;
    }
}

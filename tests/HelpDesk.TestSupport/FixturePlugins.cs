namespace HelpDesk.TestSupport;

/// <summary>
/// Installs compiled plugins (tests/Fixtures and the partner sample, copied beside the tests at build time) into a plugins folder,
/// as a deployment would: assembled aside, then moved in whole, so a watching host never sees half a plugin.
/// </summary>
public static class FixturePlugins
{
    /// <summary>Installs the echo plugin (version 1, or 2 from its v2 build) as <paramref name="id"/>; returns its folder.</summary>
    public static string InstallEcho(string pluginsDirectory, string id = "echo", Func<string, string>? editManifest = null, int version = 1)
    {
        var staging = Stage(EchoBuild(version), pluginsDirectory, id);
        var manifest = Path.Combine(staging, "plugin.json");
        var text = File.ReadAllText(manifest).Replace("\"id\": \"echo\"", $"\"id\": \"{id}\"", StringComparison.Ordinal);
        File.WriteAllText(manifest, editManifest is null ? text : editManifest(text));

        var target = Path.Combine(pluginsDirectory, id);
        Directory.Move(staging, target);
        return target;
    }

    /// <summary>Installs the partner sample (samples/HelpDesk.Samples.TeamChat) as built, under its own id; returns its folder.</summary>
    public static string InstallTeamChat(string pluginsDirectory)
    {
        var staging = Stage(Path.Combine(AppContext.BaseDirectory, "fixture-plugins", "team-chat"), pluginsDirectory, "team-chat");
        var target = Path.Combine(pluginsDirectory, "team-chat");
        Directory.Move(staging, target);
        return target;
    }

    /// <summary>
    /// Copies another build of the echo plugin over an installed one, file by file, the way an admin upgrades a plugin
    /// in place; the manifest goes last, keeping the installed id.
    /// </summary>
    public static void OverwriteEcho(string pluginsDirectory, string id, int version)
    {
        var source = EchoBuild(version);
        var target = Path.Combine(pluginsDirectory, id);
        foreach (var file in Directory.GetFiles(source).Where(f => Path.GetFileName(f) != "plugin.json"))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)), overwrite: true);
        }

        var manifest = File.ReadAllText(Path.Combine(source, "plugin.json")).Replace("\"id\": \"echo\"", $"\"id\": \"{id}\"", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(target, "plugin.json"), manifest);
    }

    /// <summary>A copy of a build beside the plugins folder (same file system, so the final move is atomic).</summary>
    private static string Stage(string build, string pluginsDirectory, string id)
    {
        Directory.CreateDirectory(pluginsDirectory);
        var staging = Directory.CreateDirectory(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(pluginsDirectory))!, $".staging-{id}-{Guid.NewGuid():N}")).FullName;
        foreach (var file in Directory.GetFiles(build))
        {
            File.Copy(file, Path.Combine(staging, Path.GetFileName(file)));
        }

        return staging;
    }

    private static string EchoBuild(int version) =>
        Path.Combine(AppContext.BaseDirectory, "fixture-plugins", version == 1 ? "echo" : $"echo-v{version}");
}

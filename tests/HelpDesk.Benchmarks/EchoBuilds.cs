namespace HelpDesk.Benchmarks;

/// <summary>
/// The echo fixture plugin's v1 and v2 builds (copied under fixture-plugins/ at build time), installed into a hub's
/// plugins folder the way an admin would: a new plugin moved in whole, an upgrade copied over the installed files.
/// </summary>
public static class EchoBuilds
{
    /// <summary>Installs the v1 build as <paramref name="id"/>: assembled aside, then moved in, so the host never sees half of it.</summary>
    public static void Install(string pluginsDirectory, string id)
    {
        var staging = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(pluginsDirectory))!, $".staging-{id}");
        Directory.CreateDirectory(staging);
        CopyBuild(major: 1, id, staging);
        Directory.Move(staging, Path.Combine(pluginsDirectory, id));
    }

    /// <summary>Copies the other build over an installed plugin, file by file; the manifest goes last.</summary>
    public static void Overwrite(string pluginsDirectory, string id, int major) => CopyBuild(major, id, Path.Combine(pluginsDirectory, id));

    public static string VersionOf(int major) => $"{major}.0.0";

    private static void CopyBuild(int major, string id, string target)
    {
        var source = Path.Combine(AppContext.BaseDirectory, "fixture-plugins", major == 1 ? "echo" : $"echo-v{major}");
        foreach (var file in Directory.GetFiles(source).Where(f => Path.GetFileName(f) != "plugin.json"))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)), overwrite: true);
        }

        var manifest = File.ReadAllText(Path.Combine(source, "plugin.json")).Replace("\"id\": \"echo\"", $"\"id\": \"{id}\"", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(target, "plugin.json"), manifest);
    }
}

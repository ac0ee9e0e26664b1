namespace HelpDesk.Benchmarks;

/// <summary>
/// Installs a built plugin (copied under fixture-plugins/ at build time) into a child hub the way an admin would:
/// copied beside the plugins folder, then moved in whole, so the hub never sees half a plugin. Waits until it runs.
/// </summary>
public static class FixturePluginInstall
{
    public static async Task InstallAsync(ChildHub hub, string name)
    {
        var staging = Path.Combine(hub.DataDirectory, $".staging-{name}");
        CopyDirectory(Path.Combine(AppContext.BaseDirectory, "fixture-plugins", name), staging);
        Directory.Move(staging, Path.Combine(hub.PluginsDirectory, name));
        using var admin = new PluginsAdmin(hub.Address);
        await admin.WaitForAsync(name, "running", version: null, TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(20));
    }

    private static void CopyDirectory(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }
}

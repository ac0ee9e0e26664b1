namespace HelpDesk.TestSupport;

/// <summary>
/// Installs compiled plugins (tests/Fixtures and the partner sample, copied beside the tests under fixture-plugins/ at
/// build time) into a plugins folder, as a deployment would: assembled aside, then moved in whole, so a watching host
/// never sees half a plugin.
/// </summary>
public static class FixturePlugins
{
    /// <summary>
    /// Installs the build <c>fixture-plugins/{build}</c> as <paramref name="id"/>; returns its folder.
    /// <paramref name="buildId"/> is the id its manifest was built with, rewritten to <paramref name="id"/>.
    /// </summary>
    public static string Install(string pluginsDirectory, string build, string buildId, string id, Func<string, string>? editManifest = null)
    {
        Directory.CreateDirectory(pluginsDirectory);
        var staging = Directory.CreateDirectory(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(pluginsDirectory))!, $".staging-{id}-{Guid.NewGuid():N}")).FullName;
        foreach (var file in Directory.GetFiles(BuildFolder(build)))
        {
            File.Copy(file, Path.Combine(staging, Path.GetFileName(file)));
        }

        var manifest = Path.Combine(staging, "plugin.json");
        var text = WithId(File.ReadAllText(manifest), buildId, id);
        File.WriteAllText(manifest, editManifest is null ? text : editManifest(text));

        var target = Path.Combine(pluginsDirectory, id);
        Directory.Move(staging, target);
        return target;
    }

    /// <summary>Installs the echo plugin (version 1, or 2 from its v2 build) as <paramref name="id"/>; returns its folder.</summary>
    public static string InstallEcho(string pluginsDirectory, string id = "echo", Func<string, string>? editManifest = null, int version = 1) =>
        Install(pluginsDirectory, EchoBuild(version), "echo", id, editManifest);

    /// <summary>Installs the partner sample (samples/HelpDesk.Samples.TeamChat) as built, under its own id; returns its folder.</summary>
    public static string InstallTeamChat(string pluginsDirectory) => Install(pluginsDirectory, "team-chat", "team-chat", "team-chat");

    /// <summary>Installs the first-party monitoring connector (plugins/HelpDesk.Connectors.Monitoring) as built; returns its folder.</summary>
    public static string InstallMonitoring(string pluginsDirectory) => Install(pluginsDirectory, "monitoring", "monitoring", "monitoring");

    /// <summary>Installs the first-party Jira connector (plugins/HelpDesk.Connectors.Jira) as built; returns its folder.</summary>
    public static string InstallJira(string pluginsDirectory) => Install(pluginsDirectory, "jira", "jira", "jira");

    /// <summary>Installs the first-party GitHub connector (plugins/HelpDesk.Connectors.GitHub) as built; returns its folder.</summary>
    public static string InstallGitHub(string pluginsDirectory) => Install(pluginsDirectory, "github", "github", "github");

    /// <summary>Installs the first-party email channel (plugins/HelpDesk.Connectors.Email) as built; returns its folder.</summary>
    public static string InstallEmail(string pluginsDirectory) => Install(pluginsDirectory, "email", "email", "email");

    /// <summary>Installs a first-party Customer 360 connector (<c>crm</c>, <c>erp</c> or <c>zoom</c>) as built; returns its folder.</summary>
    public static string InstallConnector(string pluginsDirectory, string id) => Install(pluginsDirectory, id, id, id);

    /// <summary>
    /// Copies another build of the echo plugin over an installed one, file by file, the way an admin upgrades a plugin
    /// in place; the manifest goes last, keeping the installed id.
    /// </summary>
    public static void OverwriteEcho(string pluginsDirectory, string id, int version) => Overwrite(pluginsDirectory, EchoBuild(version), "echo", id);

    /// <summary>Copies a build over an installed plugin, file by file, manifest last: the hub sees changed files and reloads it.</summary>
    public static void Overwrite(string pluginsDirectory, string build, string buildId, string id)
    {
        var source = BuildFolder(build);
        var target = Path.Combine(pluginsDirectory, id);
        foreach (var file in Directory.GetFiles(source).Where(f => Path.GetFileName(f) != "plugin.json"))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)), overwrite: true);
        }

        File.WriteAllText(Path.Combine(target, "plugin.json"), WithId(File.ReadAllText(Path.Combine(source, "plugin.json")), buildId, id));
    }

    private static string WithId(string manifest, string buildId, string id) =>
        manifest.Replace($"\"id\": \"{buildId}\"", $"\"id\": \"{id}\"", StringComparison.Ordinal);

    private static string BuildFolder(string build) => Path.Combine(AppContext.BaseDirectory, "fixture-plugins", build);

    private static string EchoBuild(int version) => version == 1 ? "echo" : $"echo-v{version}";
}

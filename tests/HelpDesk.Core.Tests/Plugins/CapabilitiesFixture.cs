namespace HelpDesk.Core.Tests.Plugins;

/// <summary>Installs the capabilities fixture plugin (tests/Fixtures, copied beside the tests) into a plugins folder under an id.</summary>
internal static class CapabilitiesFixture
{
    public static string Install(string pluginsDirectory, string id)
    {
        var source = Path.Combine(AppContext.BaseDirectory, "fixture-plugins", "capabilities");
        Directory.CreateDirectory(pluginsDirectory);

        // Assembled aside and moved in whole, so the watching host never sees half a plugin.
        var staging = Directory.CreateDirectory(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(pluginsDirectory))!, $".staging-{id}-{Guid.NewGuid():N}")).FullName;
        foreach (var file in Directory.GetFiles(source))
        {
            File.Copy(file, Path.Combine(staging, Path.GetFileName(file)));
        }

        var manifest = Path.Combine(staging, "plugin.json");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("\"id\": \"capabilities\"", $"\"id\": \"{id}\"", StringComparison.Ordinal));
        var target = Path.Combine(pluginsDirectory, id);
        Directory.Move(staging, target);
        return target;
    }

    public static async Task EventuallyAsync(Func<bool> condition, TimeSpan? patience = null)
    {
        using var deadline = new CancellationTokenSource(patience ?? TimeSpan.FromSeconds(10));
        while (!condition())
        {
            await Task.Delay(50, deadline.Token);
        }
    }
}

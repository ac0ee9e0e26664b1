namespace HelpDesk.Core.Hosting;

/// <summary>
/// The hub's data directory (<c>HelpDesk:DataDirectory</c>, relative to the content root), resolved once: where the
/// SQLite file, the attachment store and admins' template files live.
/// </summary>
public sealed class DataDirectory(string path)
{
    public string Path { get; } = path;

    /// <summary>A place under the data directory (a relative path), or the path itself when it is absolute.</summary>
    public string Combine(string relative) => System.IO.Path.Combine(Path, relative);

    public static DataDirectory From(HelpDeskOptions options, string contentRoot) => new(HelpDeskCoreExtensions.ResolveDataDirectory(options, contentRoot));
}

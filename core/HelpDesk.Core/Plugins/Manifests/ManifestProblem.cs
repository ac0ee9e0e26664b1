namespace HelpDesk.Core.Plugins.Manifests;

/// <summary>One thing wrong with a manifest, naming its field; shown to admins as the plugin's error.</summary>
public sealed record ManifestProblem(string Field, string Message)
{
    public override string ToString() => $"{Field}: {Message}";
}

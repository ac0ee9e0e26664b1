namespace HelpDesk.Core.Hosting;

public sealed class BootstrapOptions
{
    /// <summary>Becomes the first admin key when the store has none; otherwise one is generated and logged once.</summary>
    public string? AdminApiKey { get; set; }
}

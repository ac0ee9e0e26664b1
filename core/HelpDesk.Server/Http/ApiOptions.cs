namespace HelpDesk.Server.Http;

/// <summary>The <c>HelpDesk:Api</c> section.</summary>
public sealed class ApiOptions
{
    /// <summary>Larger bodies get 413 before they are read.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;
}

namespace HelpDesk.Core.Reports;

/// <summary>The <c>HelpDesk:Reports:Digests</c> section.</summary>
public sealed class ReportDigestOptions
{
    /// <summary>
    /// How often the quarter hours written since are packed again. Reports are exact either way (they read the facts
    /// of a quarter hour not yet packed); a longer interval only leaves more of them to read that way.
    /// </summary>
    public TimeSpan BuildInterval { get; set; } = TimeSpan.FromSeconds(15);
}

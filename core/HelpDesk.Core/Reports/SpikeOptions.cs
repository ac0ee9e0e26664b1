namespace HelpDesk.Core.Reports;

/// <summary>The <c>HelpDesk:Reports:Spikes</c> section.</summary>
public sealed class SpikeOptions
{
    /// <summary>How often the detector looks; each look covers the hour and the day just past.</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How many weeks of the same weekday make the history.</summary>
    public int Weeks { get; set; } = 4;

    /// <summary>A spike is more than the history's mean plus this many standard deviations.</summary>
    public double Sigmas { get; set; } = 3;

    /// <summary>And at least this many tickets in the hour (four times as many in the day), so a quiet category's handful is no spike.</summary>
    public int MinimumTickets { get; set; } = 20;

    /// <summary>Whether the detector runs at all.</summary>
    public bool Enabled { get; set; } = true;
}

namespace HelpDesk.Core.Reports;

/// <summary>How a run's charts and CSV are named: in the archive (URLs), and in its mail (inline parts and file names).</summary>
public static class ReportRunLinks
{
    public static string ChartUrl(string runId, int chart) => $"/api/v1/report-runs/{runId}/charts/{chart}.png";

    /// <summary>The chart's Content-ID in mail; the run's id in it keeps it unique, as Content-IDs should be.</summary>
    public static string ChartContentId(string runId, int chart) => $"chart{chart}.{runId}@helpdesk";

    public static string ChartFileName(int chart) => $"chart-{chart}.png";

    /// <summary>The CSV's name, the same downloaded from the archive and attached to the mail.</summary>
    public static string CsvFileName(string runId) => $"report-{runId}.csv";
}

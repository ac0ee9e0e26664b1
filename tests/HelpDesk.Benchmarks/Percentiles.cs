namespace HelpDesk.Benchmarks;

public static class Percentiles
{
    /// <summary>Nearest-rank percentile of values sorted ascending; NaN when there are none.</summary>
    public static double Of(IReadOnlyList<double> sorted, double percent) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(percent / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
}

using System.Buffers.Binary;
using System.Globalization;
using Xunit;

namespace HelpDesk.TestSupport;

/// <summary>What a report run produces, read back: a chart's PNG size and the long-form CSV's values.</summary>
public static class ReportFiles
{
    /// <summary>The width and height from a PNG's header, after checking it is one.</summary>
    public static (int Width, int Height) PngSize(byte[] png)
    {
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        return (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));
    }

    /// <summary>The report CSV (<c>kpi,groupBy,key,column,value</c>) by KPI, key and column; an empty value is null.</summary>
    public static Dictionary<(string Kpi, string Key, string Column), double?> ReadCsv(string csv)
    {
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("kpi,groupBy,key,column,value", lines[0]);
        return lines.Skip(1).Select(l => l.Split(',')).ToDictionary(
            f => (f[0], f[2], f[3]), f => f[4].Length == 0 ? (double?)null : double.Parse(f[4], CultureInfo.InvariantCulture));
    }
}

using System.Buffers;
using System.Text;

namespace HelpDesk.Core.Reports;

/// <summary>The text columns of a digest, in <c>ReportDigests.Texts</c> order.</summary>
internal enum PackedText
{
    Channel,
    Type,
    Category,
    Queue,
    Language,
    Region,
    Assignee,
    Rating,
}

/// <summary>The durations of a digest (ms), in <c>ReportDigests.Durations</c> order.</summary>
internal enum PackedDuration
{
    FirstResponse,
    FirstResponseBusiness,
    Resolution,
    ResolutionBusiness,
}

/// <summary>
/// A quarter hour's report facts packed by column: a format byte, the ticket count, a table of the distinct texts, then
/// each column prefixed by its length in bytes, so a reader decodes only the columns a KPI needs. Texts are indexes
/// into the table and durations zigzag numbers, each a LEB128 varint with 0 for null (a quarter hour's hundred tickets
/// take a few hundred bytes a column).
/// </summary>
internal sealed class PackedTickets
{
    private const byte Format = 1;
    private static readonly int TextCount = Enum.GetValues<PackedText>().Length;
    private static readonly int DurationCount = Enum.GetValues<PackedDuration>().Length;

    private readonly byte[] _data;
    private readonly string[] _table;
    private readonly int[] _columns;

    private PackedTickets(byte[] data, int count, string[] table, int[] columns) => (_data, Count, _table, _columns) = (data, count, table, columns);

    public int Count { get; }

    /// <summary>Packs tickets given as their texts (<see cref="PackedText"/> order) and durations (<see cref="PackedDuration"/> order).</summary>
    public static byte[] Pack(IReadOnlyList<(string?[] Texts, long?[] Durations)> tickets)
    {
        var table = new Dictionary<string, int>(StringComparer.Ordinal);
        var columns = new List<ArrayBufferWriter<byte>>();
        for (var c = 0; c < TextCount; c++)
        {
            var column = new ArrayBufferWriter<byte>();
            foreach (var (texts, _) in tickets)
            {
                var text = texts[c];
                WriteVarint(column, text is null ? 0 : (ulong)(table.TryGetValue(text, out var index) ? index : table[text] = table.Count) + 1);
            }

            columns.Add(column);
        }

        for (var c = 0; c < DurationCount; c++)
        {
            var column = new ArrayBufferWriter<byte>();
            foreach (var (_, durations) in tickets)
            {
                WriteVarint(column, durations[c] is { } ms ? ZigZag(ms) + 1 : 0);
            }

            columns.Add(column);
        }

        var packed = new ArrayBufferWriter<byte>();
        packed.Write([Format]);
        WriteVarint(packed, (ulong)tickets.Count);
        WriteVarint(packed, (ulong)table.Count);
        foreach (var text in table.OrderBy(t => t.Value).Select(t => t.Key))
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            WriteVarint(packed, (ulong)bytes.Length);
            packed.Write(bytes);
        }

        foreach (var column in columns)
        {
            WriteVarint(packed, (ulong)column.WrittenCount);
            packed.Write(column.WrittenSpan);
        }

        return packed.WrittenSpan.ToArray();
    }

    public static PackedTickets Read(byte[] data)
    {
        if (data is not [Format, ..])
        {
            throw new InvalidDataException("Not a packed tickets digest of a known format.");
        }

        var at = 1;
        var count = (int)ReadVarint(data, ref at);
        var table = new string[(int)ReadVarint(data, ref at)];
        for (var i = 0; i < table.Length; i++)
        {
            var length = (int)ReadVarint(data, ref at);
            table[i] = Encoding.UTF8.GetString(data, at, length);
            at += length;
        }

        var columns = new int[TextCount + DurationCount];
        for (var c = 0; c < columns.Length; c++)
        {
            var length = (int)ReadVarint(data, ref at);
            columns[c] = at;
            at += length;
        }

        return new PackedTickets(data, count, table, columns);
    }

    /// <summary>Each ticket's text in <paramref name="column"/>.</summary>
    public string?[] Texts(PackedText column)
    {
        var (texts, at) = (new string?[Count], _columns[(int)column]);
        for (var i = 0; i < texts.Length; i++)
        {
            var index = ReadVarint(_data, ref at);
            texts[i] = index == 0 ? null : _table[(int)index - 1];
        }

        return texts;
    }

    /// <summary>Each ticket's duration in <paramref name="column"/>.</summary>
    public long?[] Durations(PackedDuration column)
    {
        var (durations, at) = (new long?[Count], _columns[TextCount + (int)column]);
        for (var i = 0; i < durations.Length; i++)
        {
            var value = ReadVarint(_data, ref at);
            durations[i] = value == 0 ? null : UnZigZag(value - 1);
        }

        return durations;
    }

    private static ulong ZigZag(long value) => (ulong)((value << 1) ^ (value >> 63));

    private static long UnZigZag(ulong value) => (long)(value >> 1) ^ -(long)(value & 1);

    private static void WriteVarint(ArrayBufferWriter<byte> writer, ulong value)
    {
        var span = writer.GetSpan(10);
        var length = 0;
        while (value >= 0x80)
        {
            span[length++] = (byte)(value | 0x80);
            value >>= 7;
        }

        span[length++] = (byte)value;
        writer.Advance(length);
    }

    private static ulong ReadVarint(byte[] data, ref int at)
    {
        var (value, shift) = (0UL, 0);
        byte next;
        do
        {
            next = data[at++];
            value |= (ulong)(next & 0x7F) << shift;
            shift += 7;
        }
        while (next >= 0x80);
        return value;
    }
}

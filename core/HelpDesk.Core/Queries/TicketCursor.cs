using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace HelpDesk.Core.Queries;

/// <summary>
/// Where the previous page ended: the sort key and the ticket number of its last row. Keyset paging keeps
/// pages stable while tickets are added, unlike offsets. Opaque to clients; bound to the sort it came from.
/// </summary>
public sealed record TicketCursor(TicketSort Sort, long SortValue, long Number)
{
    public string Encode() =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(FormattableString.Invariant($"{Sort}|{SortValue}|{Number}")));

    public static bool TryDecode(string text, TicketSort sort, out TicketCursor? cursor)
    {
        cursor = null;
        if (text.Length > 200 || !Base64Url.IsValid(text))
        {
            return false;
        }

        string[] parts;
        try
        {
            parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(text)).Split('|');
        }
        catch (FormatException)
        {
            return false;
        }

        if (parts.Length != 3 || parts[0] != sort.ToString()
            || !long.TryParse(parts[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return false;
        }

        cursor = new TicketCursor(sort, value, number);
        return true;
    }
}

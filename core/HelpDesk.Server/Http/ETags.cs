using System.Globalization;
using Microsoft.Net.Http.Headers;

namespace HelpDesk.Server.Http;

/// <summary>A ticket's entity tag is its version: <c>"7"</c>.</summary>
public static class ETags
{
    public static string Of(int version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>Reads <c>If-Match</c>: no header or <c>*</c> means "any version"; anything else must be one of our tags.</summary>
    public static bool TryReadIfMatch(HttpRequest request, out int? expectedVersion)
    {
        expectedVersion = null;
        var header = request.Headers.IfMatch.ToString().Trim();
        if (header.Length == 0 || header == "*")
        {
            return true;
        }

        if (!EntityTagHeaderValue.TryParse(header, out var tag))
        {
            return false;
        }

        var value = tag.Tag.AsSpan().Trim('"');
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            return false;
        }

        expectedVersion = version;
        return true;
    }
}

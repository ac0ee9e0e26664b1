using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace HelpDesk.Core.Queries;

/// <summary>
/// The one definition of a searchable word, used both for what is indexed and for what is searched, on
/// every provider: runs of letters and digits, lower-cased, accents removed. "dana@example.com" is the
/// words dana, example, com; "Réunion" is reunion. No query-language character ever reaches SQL or FTS.
/// </summary>
public static partial class SearchText
{
    public const int MaxQueryLength = 500;
    public const int MaxWords = 16;
    private const int MaxWordLength = 64;

    /// <summary>The words of a search box, at most <see cref="MaxWords"/>.</summary>
    public static IReadOnlyList<string> Words(string query) =>
        [.. Tokens(query).Select(w => w.Length > MaxWordLength ? w[..MaxWordLength] : w).Distinct(StringComparer.Ordinal).Take(MaxWords)];

    /// <summary>The form of a text that the full-text index holds.</summary>
    public static string Indexed(string text) => string.Join(' ', Tokens(text));

    private static IEnumerable<string> Tokens(string text) => Word().Matches(Fold(text)).Select(m => m.Value);

    private static string Fold(string text)
    {
        var decomposed = text.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                folded.Append(c);
            }
        }

        return folded.ToString().Normalize(NormalizationForm.FormC);
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();
}

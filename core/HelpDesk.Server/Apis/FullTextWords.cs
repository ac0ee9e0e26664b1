using System.Text.RegularExpressions;

namespace HelpDesk.Server.Apis;

/// <summary>Cuts a search box's text into plain words, so query-language characters never reach SQL or the FTS engine.</summary>
public static partial class FullTextWords
{
    public const int MaxLength = 500;
    public const int MaxWords = 16;

    public static IReadOnlyList<string> From(string q) =>
        [.. Word().Matches(q).Select(m => m.Value.Length > 64 ? m.Value[..64] : m.Value).Distinct(StringComparer.OrdinalIgnoreCase).Take(MaxWords)];

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();
}

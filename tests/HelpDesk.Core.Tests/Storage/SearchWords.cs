using System.Text.RegularExpressions;

namespace HelpDesk.Core.Tests.Storage;

/// <summary>
/// Cuts search-box text into words exactly as <c>HelpDesk.Server.Apis.FullTextWords</c> does before a query
/// reaches the store (this project cannot reference the server), so the tests pass what the API passes.
/// </summary>
public static partial class SearchWords
{
    public static IReadOnlyList<string> From(string q) =>
        [.. Word().Matches(q).Select(m => m.Value.Length > 64 ? m.Value[..64] : m.Value).Distinct(StringComparer.OrdinalIgnoreCase).Take(16)];

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();
}

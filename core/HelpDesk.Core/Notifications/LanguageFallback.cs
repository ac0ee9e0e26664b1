namespace HelpDesk.Core.Notifications;

/// <summary>The languages to try for a recipient, in order: as given (<c>ko-KR</c>), its primary language (<c>ko</c>), English.</summary>
public static class LanguageFallback
{
    public const string Default = "en";

    public static IEnumerable<string> For(string? language)
    {
        if (language is { Length: > 0 })
        {
            yield return language;
            if (language.Split('-')[0] is var primary && primary != language)
            {
                yield return primary;
            }
        }

        yield return Default;
    }
}

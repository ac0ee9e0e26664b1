using System.Globalization;

namespace HelpDesk.Connectors.GitHub.Api;

/// <summary>An issue's key as tickets link it: <c>{owner}/{repo}#{number}</c>, the same as webhooks name it.</summary>
internal sealed record IssueKey(string Owner, string Repository, int Number)
{
    public override string ToString() => $"{Owner}/{Repository}#{Number.ToString(CultureInfo.InvariantCulture)}";

    public static IssueKey? Parse(string key)
    {
        var hash = key.LastIndexOf('#');
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 && hash > slash + 1 && int.TryParse(key.AsSpan(hash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0
            ? new IssueKey(key[..slash], key[(slash + 1)..hash], number)
            : null;
    }

    /// <summary>From a webhook's <c>repository.full_name</c> and <c>issue.number</c>.</summary>
    public static string Of(string fullName, int number) => $"{fullName}#{number.ToString(CultureInfo.InvariantCulture)}";
}

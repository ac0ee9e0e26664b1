using Microsoft.Extensions.Configuration;

namespace HelpDesk.Connectors.GitHub.Hosting;

/// <summary>The plugin's section, <c>HelpDesk:Plugins:github</c>, read once per load.</summary>
public sealed record GitHubOptions
{
    public static readonly Uri GitHubDotCom = new("https://api.github.com/");

    /// <summary>The API's address: <c>https://api.github.com/</c>, or a GitHub Enterprise Server's <c>https://host/api/v3/</c>.</summary>
    public Uri BaseUrl { get; init; } = GitHubDotCom;

    /// <summary>A fine-grained or classic personal access token, or an app installation token.</summary>
    public required string Token { get; init; }

    public required string Owner { get; init; }

    public required string Repository { get; init; }

    /// <summary>Labels every escalated issue gets.</summary>
    public IReadOnlyList<string> Labels { get; init; } = ["helpdesk"];

    /// <summary>The repository webhook's secret; without it every webhook is refused.</summary>
    public string? WebhookSecret { get; init; }

    /// <summary>The login HelpDesk acts as: its own events are not brought back (no loops).</summary>
    public string? BotLogin { get; init; }

    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The longest rate-limit wait inside one call; longer ones fail the call, and the hub retries it later.</summary>
    public TimeSpan MaxRetryWait { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Reads the section; an unusable value fails the plugin's load with the key at fault.</summary>
    /// <exception cref="InvalidOperationException">A required key is missing or a value cannot be used.</exception>
    public static GitHubOptions From(IConfiguration section) => new()
    {
        BaseUrl = Value(section, "BaseUrl") is { } url ? BaseUrlFrom(url) : GitHubDotCom,
        Token = Value(section, "Token") ?? throw Invalid("Token", "is required (a token with read and write access to the repository's issues)"),
        Owner = Name(section, "Owner"),
        Repository = Name(section, "Repository"),
        Labels = List(section, "Labels") is { Count: > 0 } labels ? labels : ["helpdesk"],
        WebhookSecret = Value(section, "WebhookSecret"),
        BotLogin = Value(section, "BotLogin"),
        RequestTimeout = Duration(section, "RequestTimeout", TimeSpan.FromSeconds(5)),
        MaxRetryWait = Duration(section, "MaxRetryWait", TimeSpan.FromSeconds(5)),
    };

    private static Uri BaseUrlFrom(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var url) && url.Scheme is "https" or "http"
            ? url.AbsoluteUri.EndsWith('/') ? url : new Uri(url.AbsoluteUri + "/")
            : throw Invalid("BaseUrl", "must be https://api.github.com/ or your GitHub Enterprise Server's https://<host>/api/v3/");

    private static string Name(IConfiguration section, string key) =>
        Value(section, key) is { } name && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
            ? name
            : throw Invalid(key, "is required: the repository's owner and name as in github.com/<Owner>/<Repository>");

    private static TimeSpan Duration(IConfiguration section, string key, TimeSpan fallback)
    {
        if (Value(section, key) is not { } text)
        {
            return fallback;
        }

        return TimeSpan.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var value) && value > TimeSpan.Zero && value < TimeSpan.FromMinutes(1)
            ? value
            : throw Invalid(key, $"'{text}' must be a duration between 0 and 1 minute, such as 00:00:05");
    }

    // Accepts "a, b" from the environment as well as an array in appsettings.json.
    private static List<string> List(IConfiguration section, string key)
    {
        var child = section.GetSection(key);
        var values = child.Value is { } single ? single.Split(',') : child.GetChildren().Select(c => c.Value ?? "");
        return [.. values.Select(v => v.Trim()).Where(v => v.Length > 0)];
    }

    // Blank counts as absent: an empty environment variable must not become an empty (guessable) secret.
    private static string? Value(IConfiguration section, string key) => section[key] is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static InvalidOperationException Invalid(string key, string problem) => new($"github: {key} {problem}.");
}

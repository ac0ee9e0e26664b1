using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace HelpDesk.Connectors.Zoom.Hosting;

/// <summary>
/// The plugin's section, <c>HelpDesk:Plugins:zoom</c>, read once per load. A class rather than a record: a record's
/// generated <c>ToString</c> would print the client secret and the webhook secret into any log that formats it.
/// </summary>
public sealed class ZoomOptions
{
    public static readonly Uri DefaultTokenUrl = new("https://zoom.us/oauth/token");
    public static readonly Uri DefaultApiBaseUrl = new("https://api.zoom.us/v2/");

    /// <summary>The Server-to-Server OAuth app's account id.</summary>
    public required string AccountId { get; init; }

    public required string ClientId { get; init; }

    public required string ClientSecret { get; init; }

    /// <summary>The app's webhook Secret Token (not the client secret); without it every webhook is refused.</summary>
    public string? WebhookSecret { get; init; }

    public Uri TokenUrl { get; init; } = DefaultTokenUrl;

    /// <summary>The API's root, ending in <c>/</c> so relative paths land under <c>/v2/</c>.</summary>
    public Uri ApiBaseUrl { get; init; } = DefaultApiBaseUrl;

    /// <summary>Who hosts the meetings: <c>me</c> (the app's creator) or a user id or email.</summary>
    public string UserId { get; init; } = "me";

    public bool WaitingRoom { get; init; } = true;

    public bool JoinBeforeHost { get; init; }

    public bool MuteUponEntry { get; init; }

    public ZoomAutoRecording AutoRecording { get; init; } = ZoomAutoRecording.None;

    /// <summary>How long one HTTP request may take; the hub abandons a whole call into the plugin after 10 s.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The longest rate-limit wait inside one call; longer ones fail the call, and the hub retries it later.</summary>
    public TimeSpan MaxRetryWait { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How far a webhook's <c>x-zm-request-timestamp</c> may be from the hub's clock, either way.</summary>
    public TimeSpan TimestampTolerance { get; init; } = TimeSpan.FromSeconds(300);

    /// <summary>Whether any credential is set: without one the plugin runs unconfigured instead of failing its load.</summary>
    public static bool IsConfigured(IConfiguration section) =>
        Value(section, "AccountId") is not null || Value(section, "ClientId") is not null || Value(section, "ClientSecret") is not null;

    /// <summary>Reads the section; an unusable value fails the plugin's load with the key at fault.</summary>
    /// <exception cref="InvalidOperationException">A required key is missing or a value cannot be used.</exception>
    public static ZoomOptions From(IConfiguration section) => new()
    {
        AccountId = Required(section, "AccountId", "the Server-to-Server OAuth app's Account ID"),
        ClientId = Required(section, "ClientId", "the Server-to-Server OAuth app's Client ID"),
        ClientSecret = Required(section, "ClientSecret", "the Server-to-Server OAuth app's Client Secret"),
        WebhookSecret = Value(section, "WebhookSecret"),
        TokenUrl = Url(section, "TokenUrl", DefaultTokenUrl, directory: false),
        ApiBaseUrl = Url(section, "ApiBaseUrl", DefaultApiBaseUrl, directory: true),
        UserId = Value(section, "UserId") ?? "me",
        WaitingRoom = Flag(section, "WaitingRoom", fallback: true),
        JoinBeforeHost = Flag(section, "JoinBeforeHost", fallback: false),
        MuteUponEntry = Flag(section, "MuteUponEntry", fallback: false),
        AutoRecording = RecordingFrom(Value(section, "AutoRecording")),
        RequestTimeout = Duration(section, "RequestTimeout", TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1)),
        MaxRetryWait = Duration(section, "MaxRetryWait", TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(1)),
        TimestampTolerance = Duration(section, "TimestampTolerance", TimeSpan.FromSeconds(300), TimeSpan.FromHours(1)),
    };

    private static string Required(IConfiguration section, string key, string what) =>
        Value(section, key) ?? throw Invalid(key, $"is required ({what})");

    private static Uri Url(IConfiguration section, string key, Uri fallback, bool directory)
    {
        if (Value(section, key) is not { } text)
        {
            return fallback;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http"))
        {
            throw Invalid(key, $"'{text}' must be an absolute http(s) address, such as {fallback}");
        }

        return directory && !url.AbsoluteUri.EndsWith('/') ? new Uri(url.AbsoluteUri + "/") : url;
    }

    private static bool Flag(IConfiguration section, string key, bool fallback) => Value(section, key) is not { } text
        ? fallback
        : bool.TryParse(text, out var value) ? value : throw Invalid(key, $"'{text}' must be true or false");

    private static ZoomAutoRecording RecordingFrom(string? value) => value?.ToLowerInvariant() switch
    {
        null or "none" => ZoomAutoRecording.None,
        "local" => ZoomAutoRecording.Local,
        "cloud" => ZoomAutoRecording.Cloud,
        _ => throw Invalid("AutoRecording", $"'{value}' must be none, local or cloud"),
    };

    private static TimeSpan Duration(IConfiguration section, string key, TimeSpan fallback, TimeSpan limit)
    {
        if (Value(section, key) is not { } text)
        {
            return fallback;
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value) && value > TimeSpan.Zero && value <= limit
            ? value
            : throw Invalid(key, $"'{text}' must be a duration above 0 and at most {limit:c}, such as {fallback:c}");
    }

    // Blank counts as absent: an empty environment variable must not become an empty (guessable) secret.
    private static string? Value(IConfiguration section, string key) => section[key] is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static InvalidOperationException Invalid(string key, string problem) => new($"zoom: {key} {problem}.");
}

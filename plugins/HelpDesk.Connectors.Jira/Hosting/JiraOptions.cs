using System.Collections.Frozen;
using HelpDesk.Sdk.Tickets;
using Microsoft.Extensions.Configuration;

namespace HelpDesk.Connectors.Jira.Hosting;

/// <summary>The plugin's section, <c>HelpDesk:Plugins:jira</c>, read once per load.</summary>
public sealed record JiraOptions
{
    public required Uri BaseUrl { get; init; }

    public JiraFlavor Flavor { get; init; } = JiraFlavor.Cloud;

    /// <summary>Cloud only: the account the API token belongs to.</summary>
    public string? Email { get; init; }

    /// <summary>Cloud: the account's API token; Data Center: a personal access token.</summary>
    public required string ApiToken { get; init; }

    public required string ProjectKey { get; init; }

    public string IssueType { get; init; } = "Task";

    /// <summary>Labels every escalated issue gets, so Jira's webhook can be filtered to them (<c>labels = helpdesk</c>).</summary>
    public IReadOnlyList<string> Labels { get; init; } = ["helpdesk"];

    /// <summary>Jira's priority name per ticket priority.</summary>
    public IReadOnlyDictionary<TicketPriority, string> Priorities { get; init; } = DefaultPriorities;

    private static readonly FrozenDictionary<TicketPriority, string> DefaultPriorities = new Dictionary<TicketPriority, string>
    {
        [TicketPriority.Urgent] = "Highest",
        [TicketPriority.High] = "High",
        [TicketPriority.Normal] = "Medium",
        [TicketPriority.Low] = "Low",
    }.ToFrozenDictionary();

    /// <summary>The secret typed into the Jira webhook; without it every webhook is refused.</summary>
    public string? WebhookSecret { get; init; }

    /// <summary>
    /// How Jira proves a webhook: <see cref="JiraWebhookProof.Signature"/> (<c>X-Hub-Signature</c>), or the secret as
    /// <c>?token=</c> in the URL for Jira versions that cannot sign. One or the other, never both.
    /// </summary>
    public JiraWebhookProof WebhookProof { get; init; } = JiraWebhookProof.Signature;

    /// <summary>Status names that count as done; when empty, Jira's own status category <c>done</c> decides.</summary>
    public IReadOnlyList<string> DoneStatuses { get; init; } = [];

    /// <summary>HelpDesk's own Jira account (Cloud account id or Data Center user name): its comments are not brought back.</summary>
    public string? Account { get; init; }

    /// <summary>How long one HTTP request may take; the hub abandons a whole call into the plugin after 10 s.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The longest wait for Jira's <c>Retry-After</c> inside one call; longer ones fail the call, and the hub retries it later.</summary>
    public TimeSpan MaxRetryWait { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Whether Jira's status counts as done: by <see cref="DoneStatuses"/> when given, else by Jira's category.</summary>
    public bool IsDone(string status, string? statusCategory) => DoneStatuses.Count > 0
        ? DoneStatuses.Contains(status, StringComparer.OrdinalIgnoreCase)
        : string.Equals(statusCategory, "done", StringComparison.OrdinalIgnoreCase);

    /// <summary>Where a person opens an issue: <c>{BaseUrl}/browse/{key}</c>.</summary>
    public Uri BrowseUrl(string key) => new(BaseUrl, $"browse/{Uri.EscapeDataString(key)}");

    /// <summary>Reads the section; an unusable value fails the plugin's load with the key at fault.</summary>
    /// <exception cref="InvalidOperationException">A required key is missing or a value cannot be used.</exception>
    public static JiraOptions From(IConfiguration section)
    {
        var flavor = FlavorFrom(section["Flavor"]);
        var options = new JiraOptions
        {
            BaseUrl = BaseUrlFrom(section["BaseUrl"]),
            Flavor = flavor,
            Email = Value(section, "Email"),
            ApiToken = Value(section, "ApiToken") ?? throw Invalid("ApiToken", "is required (Cloud: an API token; Data Center: a personal access token)"),
            ProjectKey = Value(section, "ProjectKey") ?? throw Invalid("ProjectKey", "is required (the project issues are created in, such as OPS)"),
            IssueType = Value(section, "IssueType") ?? "Task",
            Labels = LabelsFrom(section, "Labels") is { Count: > 0 } labels ? labels : ["helpdesk"],
            Priorities = PrioritiesFrom(section.GetSection("Priorities")),
            WebhookSecret = Value(section, "WebhookSecret"),
            WebhookProof = ProofFrom(section["WebhookProof"]),
            DoneStatuses = List(section, "DoneStatuses"),
            Account = Value(section, "Account"),
            RequestTimeout = Duration(section, "RequestTimeout", TimeSpan.FromSeconds(5)),
            MaxRetryWait = Duration(section, "MaxRetryWait", TimeSpan.FromSeconds(5)),
        };
        return flavor == JiraFlavor.Cloud && options.Email is null
            ? throw Invalid("Email", "is required on Cloud (the account the API token belongs to)")
            : options;
    }

    private static Uri BaseUrlFrom(string? value)
    {
        if (!Uri.TryCreate(value?.Trim(), UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http"))
        {
            throw Invalid("BaseUrl", "must be the site's absolute http(s) address, such as https://example.atlassian.net");
        }

        // A trailing slash makes relative API paths land under a context path (https://host/jira/rest/...).
        return url.AbsoluteUri.EndsWith('/') ? url : new Uri(url.AbsoluteUri + "/");
    }

    private static JiraFlavor FlavorFrom(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "cloud" => JiraFlavor.Cloud,
        "datacenter" or "data-center" or "server" => JiraFlavor.DataCenter,
        _ => throw Invalid("Flavor", $"'{value}' must be cloud or datacenter"),
    };

    private static JiraWebhookProof ProofFrom(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "signature" => JiraWebhookProof.Signature,
        "query-token" or "querytoken" or "token" => JiraWebhookProof.QueryToken,
        _ => throw Invalid("WebhookProof", $"'{value}' must be signature or query-token"),
    };

    private static Dictionary<TicketPriority, string> PrioritiesFrom(IConfigurationSection section)
    {
        return Enum.GetValues<TicketPriority>().ToDictionary(p => p, p => Value(section, p.ToString()) ?? DefaultPriorities[p]);
    }

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

    private static List<string> LabelsFrom(IConfiguration section, string key)
    {
        var labels = List(section, key);
        return labels.Find(l => l.Any(char.IsWhiteSpace)) is { } bad ? throw Invalid(key, $"'{bad}' contains a space, which Jira labels may not") : labels;
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

    private static InvalidOperationException Invalid(string key, string problem) => new($"jira: {key} {problem}.");
}

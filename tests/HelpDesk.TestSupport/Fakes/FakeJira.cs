using System.Text.Json.Nodes;

namespace HelpDesk.TestSupport.Fakes;

/// <summary>Which Jira a <see cref="FakeJira"/> plays: the credentials it accepts differ.</summary>
public enum FakeJiraFlavor
{
    /// <summary>Basic email:API token.</summary>
    Cloud,

    /// <summary>Bearer personal access token.</summary>
    DataCenter,
}

/// <summary>The endpoints of <see cref="FakeJira"/>, for injecting faults into one of them.</summary>
public enum JiraRoute
{
    CreateIssue,
    GetIssue,
    Search,
    AddComment,
    GetComments,
    RemoteLink,
    Transitions,
}

/// <summary>
/// A fault the fake answers with instead of (or, when <see cref="Delay"/> is set without a status, after) doing the
/// work: rate limits with or without <c>Retry-After</c>, 5xx, a slow answer beyond the client's timeout.
/// </summary>
public sealed record JiraFault(int? Status, TimeSpan? RetryAfter = null, TimeSpan? RateLimitReset = null, TimeSpan? Delay = null)
{
    public static JiraFault RateLimited(TimeSpan? retryAfter) => new(429, retryAfter, RateLimitReset: retryAfter ?? TimeSpan.FromSeconds(1));

    public static JiraFault Unavailable(TimeSpan retryAfter) => new(503, retryAfter);

    public static JiraFault ServerError() => new(500);

    /// <summary>Does the work, then answers only after <paramref name="delay"/>: the client times out not knowing it was done.</summary>
    public static JiraFault SlowSuccess(TimeSpan delay) => new(null, Delay: delay);
}

/// <summary>An issue as the fake holds it.</summary>
public sealed class FakeJiraIssue(string id, string key)
{
    public string Id { get; } = id;

    public string Key { get; } = key;

    public string Project => Key[..Key.IndexOf('-', StringComparison.Ordinal)];

    public string Summary { get; set; } = "";

    public string IssueType { get; set; } = "Task";

    /// <summary>The description as posted: an ADF object (v3) or a wiki string (v2).</summary>
    public JsonNode? Description { get; set; }

    public string? Priority { get; set; }

    public List<string> Labels { get; } = [];

    public string Status { get; set; } = "To Do";

    public string StatusCategory { get; set; } = "new";

    public List<FakeJiraComment> Comments { get; } = [];

    /// <summary>Remote links by globalId (an upsert key).</summary>
    public Dictionary<string, JsonObject> RemoteLinks { get; } = [];

    /// <summary>The description's text, whichever form it came in.</summary>
    public string DescriptionText => Description is JsonValue value ? value.ToString() : string.Join(" ", Texts(Description));

    private static IEnumerable<string> Texts(JsonNode? node) => node switch
    {
        JsonObject o when (string?)o["type"] == "text" => [(string?)o["text"] ?? "", .. Links(o)],
        JsonObject o => (o["content"] as JsonArray ?? []).SelectMany(Texts),
        _ => [],
    };

    private static IEnumerable<string> Links(JsonObject text) =>
        (text["marks"] as JsonArray ?? []).Select(m => (string?)m?["attrs"]?["href"]).OfType<string>();
}

/// <summary>A comment as the fake holds it, with the <c>helpdesk</c> property's idempotency key when one was posted.</summary>
public sealed record FakeJiraComment(string Id, JsonNode? Body, string? IdempotencyKey, string AuthorAccountId);

/// <summary>One request the fake received (<see cref="At"/>: when it arrived), for assertions on what the connector did.</summary>
public sealed record FakeJiraRequest(string Method, string Path, int Status, DateTimeOffset At);

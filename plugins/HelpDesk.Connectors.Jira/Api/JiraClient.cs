using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using HelpDesk.Connectors.Jira.Hosting;

namespace HelpDesk.Connectors.Jira.Api;

/// <summary>
/// The few Jira REST endpoints the plugin uses, for both flavours: Cloud under <c>/rest/api/3</c>, Data Center under
/// <c>/rest/api/2</c>. Retries (and which requests may be repeated) are the HTTP pipeline's: see
/// <see cref="JiraRetries"/>. Every failure surfaces as a <see cref="JiraApiException"/>.
/// </summary>
internal sealed class JiraClient(HttpClient http, JiraOptions options)
{
    public const string CommentPropertyKey = "helpdesk";

    private string Api => options.Flavor == JiraFlavor.Cloud ? "rest/api/3" : "rest/api/2";

    /// <summary>The newest issue carrying <paramref name="label"/>, or null: how a retried create finds an earlier attempt's issue.</summary>
    public async Task<JiraIssue?> FindByLabelAsync(string label, CancellationToken cancellationToken)
    {
        // Cloud retired /search for /search/jql; Data Center keeps /search. Both take the same body.
        var path = options.Flavor == JiraFlavor.Cloud ? $"{Api}/search/jql" : $"{Api}/search";
        var body = new JsonObject
        {
            ["jql"] = $"labels = \"{label}\" ORDER BY created DESC",
            ["fields"] = new JsonArray("summary", "status"),
            ["maxResults"] = 1,
        };
        using var request = Post(path, body, repeatable: true);
        var answer = await SendAsync(request, cancellationToken);
        return answer?["issues"] is JsonArray { Count: > 0 } issues ? Issue(issues[0]) : null;
    }

    /// <summary>Creates an issue from its <c>fields</c> object; returns its key. Never repeated by the pipeline.</summary>
    public async Task<string> CreateIssueAsync(JsonObject fields, CancellationToken cancellationToken)
    {
        using var request = Post($"{Api}/issue", new JsonObject { ["fields"] = fields }, repeatable: false);
        var answer = await SendAsync(request, cancellationToken);
        return (string?)answer?["key"] ?? throw new JiraApiException(null, "Jira answered the create without an issue key.");
    }

    /// <summary>The issue, or null when Jira has none with that key (or the account may not see it).</summary>
    public async Task<JiraIssue?> GetIssueAsync(string key, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{Api}/issue/{Uri.EscapeDataString(key)}?fields=summary,status,resolution,updated");
        JiraRetries.MarkRepeatable(request);
        try
        {
            return Issue(await SendAsync(request, cancellationToken));
        }
        catch (JiraApiException e) when (e.Status == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>The issue's newest comments (up to 100) with HelpDesk's idempotency keys.</summary>
    public async Task<IReadOnlyList<JiraComment>> GetCommentsAsync(string key, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{Api}/issue/{Uri.EscapeDataString(key)}/comment?orderBy=-created&maxResults=100&expand=properties");
        JiraRetries.MarkRepeatable(request);
        var answer = await SendAsync(request, cancellationToken);
        return [.. (answer?["comments"] as JsonArray ?? []).Select(Comment)];
    }

    /// <summary>Adds a comment carrying <paramref name="idempotencyKey"/> as a property; returns its id. Never repeated by the pipeline.</summary>
    public async Task<string> AddCommentAsync(string key, JsonNode body, string idempotencyKey, CancellationToken cancellationToken)
    {
        var comment = new JsonObject
        {
            ["body"] = body,
            ["properties"] = new JsonArray(new JsonObject { ["key"] = CommentPropertyKey, ["value"] = new JsonObject { ["idempotencyKey"] = idempotencyKey } }),
        };
        using var request = Post($"{Api}/issue/{Uri.EscapeDataString(key)}/comment", comment, repeatable: false);
        var answer = await SendAsync(request, cancellationToken);
        return (string?)answer?["id"] ?? throw new JiraApiException(null, $"Jira answered the comment on {key} without an id.");
    }

    /// <summary>Adds or updates (same <c>globalId</c>) a remote link; safe to repeat.</summary>
    public async Task UpsertRemoteLinkAsync(string key, JsonObject link, CancellationToken cancellationToken)
    {
        using var request = Post($"{Api}/issue/{Uri.EscapeDataString(key)}/remotelink", link, repeatable: true);
        await SendAsync(request, cancellationToken);
    }

    private static HttpRequestMessage Post(string path, JsonNode body, bool repeatable)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (repeatable)
        {
            JiraRetries.MarkRepeatable(request);
        }

        return request;
    }

    private async Task<JsonNode?> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var what = $"{request.Method} /{request.RequestUri?.OriginalString.Split('?')[0]}";
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutException or Polly.Timeout.TimeoutRejectedException
            || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new JiraApiException(null, $"Jira did not answer {what}: {e.Message}", e);
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return text.Length == 0 ? null : Parse(text);
            }

            throw Refusal(response, what, text);
        }
    }

    private JiraApiException Refusal(HttpResponseMessage response, string what, string text)
    {
        var status = (int)response.StatusCode;
        var reason = response.StatusCode switch
        {
            HttpStatusCode.Unauthorized => options.Flavor == JiraFlavor.Cloud
                ? "Jira refused the credentials: check Email and ApiToken"
                : "Jira refused the credentials: check ApiToken (a personal access token)",
            HttpStatusCode.Forbidden => "the Jira account lacks permission",
            HttpStatusCode.TooManyRequests => "Jira is rate limiting; waiting longer than MaxRetryWait is left to the hub's retry",
            _ => null,
        };

        // 401 bodies are unreliable (empty, HTML); Jira's JSON errors are read only when they parse.
        var messages = new List<string>();
        var fields = new Dictionary<string, string>();
        if (Parse(text) is JsonObject error)
        {
            messages.AddRange((error["errorMessages"] as JsonArray ?? []).Select(m => (string?)m).OfType<string>());
            foreach (var (field, message) in error["errors"] as JsonObject ?? [])
            {
                fields[field] = (string?)message ?? "";
                messages.Add($"{field}: {message}");
            }
        }

        var detail = string.Join("; ", new[] { reason }.Concat(messages).OfType<string>());
        return new JiraApiException(response.StatusCode, $"Jira answered {status} to {what}{(detail.Length > 0 ? ": " + detail : "")}.") { FieldErrors = fields };
    }

    private static JsonNode? Parse(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static JiraIssue? Issue(JsonNode? issue) => issue?["key"] is { } key
        ? new JiraIssue(
            (string)key!,
            (string?)issue["fields"]?["summary"],
            (string?)issue["fields"]?["status"]?["name"] ?? "unknown",
            (string?)issue["fields"]?["status"]?["statusCategory"]?["key"])
        : null;

    private static JiraComment Comment(JsonNode? comment)
    {
        var property = (comment?["properties"] as JsonArray ?? []).FirstOrDefault(p => (string?)p?["key"] == CommentPropertyKey);
        return new JiraComment((string?)comment?["id"] ?? "", (string?)property?["value"]?["idempotencyKey"]);
    }
}

using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace HelpDesk.TestSupport.Fakes;

public sealed partial class FakeGitHub
{
    // ASP0016 mistakes the work functions passed to Handle for request delegates; Handle writes their results.
#pragma warning disable ASP0016
    private void Map(WebApplication app)
    {
        foreach (var prefix in new[] { "", "/api/v3" })
        {
            var repos = app.MapGroup(prefix + "/repos/{owner}/{repo}/issues");
            repos.MapPost("", (RequestDelegate)(c => Handle(c, GitHubRoute.CreateIssue, () => CreateIssue(c))));
            repos.MapGet("", (RequestDelegate)(c => Handle(c, GitHubRoute.ListIssues, () => Task.FromResult(ListIssues(c)))));
            repos.MapGet("/{number:int}", (RequestDelegate)(c => Handle(c, GitHubRoute.GetIssue, () => Task.FromResult(WithIssue(c, issue => Results.Json(IssueJson(c, issue)))))));
            repos.MapMethods("/{number:int}", ["PATCH"], (RequestDelegate)(c => Handle(c, GitHubRoute.UpdateIssue, () => UpdateIssue(c))));
            repos.MapPost("/{number:int}/comments", (RequestDelegate)(c => Handle(c, GitHubRoute.CreateComment, () => CreateComment(c))));
            repos.MapGet("/{number:int}/comments", (RequestDelegate)(c => Handle(c, GitHubRoute.ListComments, () => Task.FromResult(ListComments(c)))));
        }
    }
#pragma warning restore ASP0016

    private static string RepositoryOf(HttpContext context) => $"{context.Request.RouteValues["owner"]}/{context.Request.RouteValues["repo"]}";

    private static async Task<JsonObject?> Body(HttpContext context) =>
        await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted) as JsonObject;

    private async Task<IResult> CreateIssue(HttpContext context)
    {
        var body = await Body(context);
        var repository = RepositoryOf(context);
        if (string.IsNullOrWhiteSpace((string?)body?["title"]))
        {
            return Json(422, "error-422");
        }

        lock (_gate)
        {
            if (!_repositories.ContainsKey(repository))
            {
                return Json(404, "error-404");
            }

            var labels = (body!["labels"] as JsonArray ?? []).Select(l => (string?)l).OfType<string>();
            var issue = Add(repository, (string)body["title"]!, (string?)body["body"], labels);
            return Results.Json(IssueJson(context, issue), statusCode: 201);
        }
    }

    private IResult ListIssues(HttpContext context)
    {
        var query = context.Request.Query;
        lock (_gate)
        {
            if (!_repositories.TryGetValue(RepositoryOf(context), out var issues))
            {
                return Json(404, "error-404");
            }

            var state = query["state"].ToString() is { Length: > 0 } s ? s : "open";
            IEnumerable<FakeGitHubIssue> selected = issues.Where(i => state == "all" || i.State == state);
            selected = query["direction"] == "asc" ? selected.OrderBy(i => i.Number) : selected.OrderByDescending(i => i.Number);
            return Page(context, [.. selected.Select(i => (JsonNode)IssueJson(context, i))]);
        }
    }

    private async Task<IResult> UpdateIssue(HttpContext context)
    {
        var body = await Body(context);
        return WithIssue(context, issue =>
        {
            if ((string?)body?["state"] is { } state)
            {
                issue.State = state;
                issue.StateReason = (string?)body["state_reason"];
                issue.UpdatedAt = Clock.GetUtcNow();
            }

            return Results.Json(IssueJson(context, issue));
        });
    }

    private async Task<IResult> CreateComment(HttpContext context)
    {
        var text = (string?)(await Body(context))?["body"];
        return string.IsNullOrWhiteSpace(text) ? Json(422, "error-422") : WithIssue(context, issue =>
        {
            var comment = new FakeGitHubComment(_nextId++, text, BotLogin, Clock.GetUtcNow());
            issue.Comments.Add(comment);
            return Results.Json(CommentJson(context, issue, comment), statusCode: 201);
        });
    }

    private IResult ListComments(HttpContext context)
    {
        var since = DateTimeOffset.TryParse(context.Request.Query["since"], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var s) ? s : DateTimeOffset.MinValue;
        return WithIssue(context, issue => Page(context, [.. issue.Comments.Where(c => c.CreatedAt >= since).Select(c => (JsonNode)CommentJson(context, issue, c))]));
    }

    // GitHub pages lists (per_page up to 100, 30 by default) and links the next page in a Link header.
    private static IResult Page(HttpContext context, List<JsonNode> items)
    {
        var query = context.Request.Query;
        var perPage = int.TryParse(query["per_page"], CultureInfo.InvariantCulture, out var size) ? Math.Clamp(size, 1, 100) : 30;
        var page = int.TryParse(query["page"], CultureInfo.InvariantCulture, out var p) ? Math.Max(p, 1) : 1;
        if (page * perPage < items.Count)
        {
            var next = new Dictionary<string, string?>(query.ToDictionary(q => q.Key, q => (string?)q.Value.ToString())) { ["page"] = (page + 1).ToString(CultureInfo.InvariantCulture) };
            context.Response.Headers.Link = $"<{context.Request.Scheme}://{context.Request.Host}{context.Request.Path}?{string.Join('&', next.Select(kv => $"{kv.Key}={Uri.EscapeDataString(kv.Value ?? "")}"))}>; rel=\"next\"";
        }

        return Results.Json(new JsonArray([.. items.Skip((page - 1) * perPage).Take(perPage)]));
    }

    private IResult WithIssue(HttpContext context, Func<FakeGitHubIssue, IResult> act)
    {
        var number = int.Parse((string)context.Request.RouteValues["number"]!, CultureInfo.InvariantCulture);
        lock (_gate)
        {
            return _repositories.TryGetValue(RepositoryOf(context), out var issues) && issues.Find(i => i.Number == number) is { } issue
                ? act(issue)
                : Json(404, "error-404");
        }
    }

    private JsonObject IssueJson(HttpContext context, FakeGitHubIssue issue) => new()
    {
        ["id"] = issue.Id,
        ["number"] = issue.Number,
        ["url"] = Api(context, $"repos/{issue.Repository}/issues/{issue.Number}"),
        ["html_url"] = new Uri(Root, $"{issue.Repository}/issues/{issue.Number}").AbsoluteUri,
        ["state"] = issue.State,
        ["state_reason"] = issue.StateReason,
        ["title"] = issue.Title,
        ["body"] = issue.Body,
        ["labels"] = new JsonArray([.. issue.Labels.Select(l => (JsonNode)new JsonObject { ["name"] = l })]),
        ["user"] = new JsonObject { ["login"] = BotLogin, ["id"] = 1 },
        ["comments"] = issue.Comments.Count,
        ["created_at"] = issue.CreatedAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        ["updated_at"] = issue.UpdatedAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        ["closed_at"] = issue.State == "closed" ? issue.UpdatedAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) : null,
    };

    private JsonObject CommentJson(HttpContext context, FakeGitHubIssue issue, FakeGitHubComment comment) => new()
    {
        ["id"] = comment.Id,
        ["body"] = comment.Body,
        ["url"] = Api(context, $"repos/{issue.Repository}/issues/comments/{comment.Id}"),
        ["html_url"] = new Uri(Root, $"{issue.Repository}/issues/{issue.Number}#issuecomment-{comment.Id}").AbsoluteUri,
        ["user"] = new JsonObject { ["login"] = comment.Login, ["id"] = 1 },
        ["created_at"] = comment.CreatedAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        ["updated_at"] = comment.CreatedAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
    };

    private string Api(HttpContext context, string path) =>
        new Uri(context.Request.Path.StartsWithSegments("/api/v3") ? EnterpriseBaseUrl : Root, path).AbsoluteUri;
}

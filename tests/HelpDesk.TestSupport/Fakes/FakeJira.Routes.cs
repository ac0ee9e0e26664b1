using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace HelpDesk.TestSupport.Fakes;

public sealed partial class FakeJira
{
    private static readonly (string Id, string Name, string Category)[] Workflow = [("11", "To Do", "new"), ("21", "In Progress", "indeterminate"), ("31", "Done", "done")];

    // ASP0016 mistakes the work functions passed to Handle for request delegates; Handle writes their results.
#pragma warning disable ASP0016
    private void Map(WebApplication app)
    {
        foreach (var version in new[] { "2", "3" })
        {
            var api = app.MapGroup($"/rest/api/{version}");
            api.MapPost("/issue", (RequestDelegate)(c => Handle(c, JiraRoute.CreateIssue, () => CreateIssue(c, version))));
            api.MapGet("/issue/{key}", (RequestDelegate)(c => Handle(c, JiraRoute.GetIssue, () => Task.FromResult(Get(Key(c), version)))));
            api.MapGet("/issue/{key}/comment", (RequestDelegate)(c => Handle(c, JiraRoute.GetComments, () => Task.FromResult(Comments(Key(c))))));
            api.MapPost("/issue/{key}/comment", (RequestDelegate)(c => Handle(c, JiraRoute.AddComment, () => AddComment(c, version))));
            api.MapPost("/issue/{key}/remotelink", (RequestDelegate)(c => Handle(c, JiraRoute.RemoteLink, () => RemoteLink(c, version))));
            api.MapGet("/issue/{key}/transitions", (RequestDelegate)(c => Handle(c, JiraRoute.Transitions, () => Task.FromResult(Transitions(Key(c))))));
            api.MapPost("/issue/{key}/transitions", (RequestDelegate)(c => Handle(c, JiraRoute.Transitions, () => Transition(c))));
        }

        app.MapPost("/rest/api/3/search/jql", (RequestDelegate)(c => Handle(c, JiraRoute.Search, () => Search(c, version: "3"))));
        app.MapPost("/rest/api/2/search", (RequestDelegate)(c => Handle(c, JiraRoute.Search, () => Search(c, version: "2"))));
        // Retired on Cloud (the contract reports 410); a client still calling it must fail loudly here too.
        app.MapPost("/rest/api/3/search", () => Results.StatusCode(410));
    }
#pragma warning restore ASP0016

    private static string Key(HttpContext context) => (string)context.Request.RouteValues["key"]!;

    private static async Task<JsonObject?> Body(HttpContext context) =>
        await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted) as JsonObject;

    private async Task<IResult> CreateIssue(HttpContext context, string version)
    {
        var fields = (await Body(context))?["fields"] as JsonObject;
        var errors = new JsonObject();
        if (string.IsNullOrWhiteSpace((string?)fields?["summary"]))
        {
            errors["summary"] = "You must specify a summary of the issue.";
        }

        if (string.IsNullOrWhiteSpace((string?)fields?["issuetype"]?["name"]))
        {
            errors["issuetype"] = "Specify an issue type";
        }

        var description = fields?["description"];
        if (description is not null && (version == "3" ? description is not JsonObject { } doc || (string?)doc["type"] != "doc" : description is not JsonValue))
        {
            errors["description"] = version == "3" ? "Operation value must be an Atlassian Document (see the Atlassian Document Format)." : "Operation value must be a string";
        }

        lock (_gate)
        {
            if (fields?["priority"] is not null && _projectsWithoutPriority.Contains((string?)fields["project"]?["key"] ?? ""))
            {
                errors["priority"] = "Field 'priority' cannot be set. It is not on the appropriate screen, or unknown.";
            }
        }

        var labels = (fields?["labels"] as JsonArray ?? []).Select(l => (string?)l ?? "").ToList();
        if (labels.Exists(l => l.Length == 0 || l.Any(char.IsWhiteSpace)))
        {
            errors["labels"] = "The label can't contain spaces.";
        }

        if (errors.Count > 0)
        {
            return Error(400, [], errors);
        }

        FakeJiraIssue issue;
        lock (_gate)
        {
            var project = (string?)fields!["project"]?["key"] ?? "OPS";
            issue = new FakeJiraIssue((_nextId++).ToString(CultureInfo.InvariantCulture), $"{project}-{_nextNumber++}")
            {
                Summary = (string)fields["summary"]!,
                IssueType = (string)fields["issuetype"]!["name"]!,
                Description = description?.DeepClone(),
                Priority = (string?)fields["priority"]?["name"],
            };
            issue.Labels.AddRange(labels);
            _issues.Add(issue);
        }

        return Results.Json(new JsonObject { ["id"] = issue.Id, ["key"] = issue.Key, ["self"] = Self(version, $"issue/{issue.Id}") }, statusCode: 201);
    }

    private IResult Get(string key, string version) => Find(key) is { } issue ? Results.Json(IssueJson(issue, version)) : NotFound();

    private async Task<IResult> Search(HttpContext context, string version)
    {
        var jql = (string?)(await Body(context))?["jql"] ?? "";
        var label = LabelQuery().Match(jql);
        if (!label.Success)
        {
            return Error(400, ["The fake understands only 'labels = x' queries."], []);
        }

        List<FakeJiraIssue> found;
        lock (_gate)
        {
            found = [.. _issues.Where(i => i.Labels.Contains(label.Groups["label"].Value)).Reverse()];
        }

        var issues = new JsonArray([.. found.Select(i => (JsonNode)IssueJson(i, version))]);
        return Results.Json(version == "3"
            ? new JsonObject { ["issues"] = issues, ["isLast"] = true }
            : new JsonObject { ["startAt"] = 0, ["maxResults"] = 50, ["total"] = found.Count, ["issues"] = issues });
    }

    private IResult Comments(string key)
    {
        if (Find(key) is not { } issue)
        {
            return NotFound();
        }

        lock (_gate)
        {
            var comments = issue.Comments.AsEnumerable().Reverse().Select(c => (JsonNode)new JsonObject
            {
                ["id"] = c.Id,
                ["body"] = c.Body?.DeepClone(),
                ["properties"] = c.IdempotencyKey is null
                    ? new JsonArray()
                    : new JsonArray(new JsonObject { ["key"] = "helpdesk", ["value"] = new JsonObject { ["idempotencyKey"] = c.IdempotencyKey } }),
            });
            return Results.Json(new JsonObject { ["startAt"] = 0, ["maxResults"] = 100, ["total"] = issue.Comments.Count, ["comments"] = new JsonArray([.. comments]) });
        }
    }

    private async Task<IResult> AddComment(HttpContext context, string version)
    {
        var body = await Body(context);
        if (Find(Key(context)) is not { } issue)
        {
            return NotFound();
        }

        var text = body?["body"];
        if (version == "3" ? text is not JsonObject : text is not JsonValue)
        {
            return Error(400, [], new JsonObject { ["body"] = version == "3" ? "Comment body must be an Atlassian Document." : "Comment body must be a string." });
        }

        var property = (body!["properties"] as JsonArray ?? []).FirstOrDefault(p => (string?)p?["key"] == "helpdesk");
        FakeJiraComment comment;
        lock (_gate)
        {
            comment = new FakeJiraComment((_nextId++).ToString(CultureInfo.InvariantCulture), text!.DeepClone(), (string?)property?["value"]?["idempotencyKey"], HelpDeskAccountId);
            issue.Comments.Add(comment);
        }

        return Results.Json(new JsonObject { ["id"] = comment.Id, ["self"] = Self(version, $"issue/{issue.Id}/comment/{comment.Id}"), ["body"] = text.DeepClone() }, statusCode: 201);
    }

    private async Task<IResult> RemoteLink(HttpContext context, string version)
    {
        var link = await Body(context);
        if (Find(Key(context)) is not { } issue)
        {
            return NotFound();
        }

        if (link?["object"]?["url"] is null || link["object"]?["title"] is null)
        {
            return Error(400, [], new JsonObject { ["object"] = "url and title are required." });
        }

        var globalId = (string?)link["globalId"] ?? Guid.NewGuid().ToString();
        bool updated;
        lock (_gate)
        {
            updated = issue.RemoteLinks.ContainsKey(globalId);
            issue.RemoteLinks[globalId] = link;
        }

        var id = 10_050 + issue.RemoteLinks.Keys.ToList().IndexOf(globalId);
        return Results.Json(new JsonObject { ["id"] = id, ["self"] = Self(version, $"issue/{issue.Key}/remotelink/{id}") }, statusCode: updated ? 200 : 201);
    }

    private IResult Transitions(string key) => Find(key) is null ? NotFound() : Results.Json(new JsonObject
    {
        ["transitions"] = new JsonArray([.. Workflow.Select(w => (JsonNode)new JsonObject
        {
            ["id"] = w.Id,
            ["name"] = w.Name,
            ["to"] = new JsonObject { ["name"] = w.Name, ["statusCategory"] = new JsonObject { ["key"] = w.Category } },
        })]),
    });

    private async Task<IResult> Transition(HttpContext context)
    {
        var id = (string?)(await Body(context))?["transition"]?["id"];
        if (Find(Key(context)) is not { } issue)
        {
            return NotFound();
        }

        var index = Array.FindIndex(Workflow, w => w.Id == id);
        if (index < 0)
        {
            return Error(400, [$"Transition id '{id}' is not valid for this issue."], []);
        }

        lock (_gate)
        {
            (issue.Status, issue.StatusCategory) = (Workflow[index].Name, Workflow[index].Category);
        }

        return Results.StatusCode(204);
    }

    private JsonObject IssueJson(FakeJiraIssue issue, string version)
    {
        lock (_gate)
        {
            return new JsonObject
            {
                ["id"] = issue.Id,
                ["key"] = issue.Key,
                ["self"] = Self(version, $"issue/{issue.Id}"),
                ["fields"] = new JsonObject
                {
                    ["summary"] = issue.Summary,
                    ["status"] = new JsonObject { ["name"] = issue.Status, ["statusCategory"] = new JsonObject { ["key"] = issue.StatusCategory } },
                    ["priority"] = issue.Priority is null ? null : new JsonObject { ["name"] = issue.Priority },
                    ["labels"] = new JsonArray([.. issue.Labels.Select(l => JsonValue.Create(l))]),
                    ["resolution"] = issue.StatusCategory == "done" ? new JsonObject { ["name"] = "Done" } : null,
                },
            };
        }
    }

    private string Self(string version, string path) => new Uri(BaseUrl, $"rest/api/{version}/{path}").AbsoluteUri;

    private static IResult NotFound() => Error(404, ["Issue does not exist or you do not have permission to see it."], []);

    private static IResult Error(int status, string[] messages, JsonObject errors) =>
        Results.Json(new JsonObject { ["errorMessages"] = new JsonArray([.. messages.Select(m => JsonValue.Create(m))]), ["errors"] = errors }, statusCode: status);

    [GeneratedRegex("""labels\s*=\s*"?(?<label>[^"\s]+)"?""")]
    private static partial Regex LabelQuery();
}

using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace HelpDesk.TestSupport.Fakes;

/// <summary>
/// A Jira on loopback speaking <c>shared/contracts/jira.md</c>: both REST versions under one base URL (v3 wants ADF
/// documents, v2 wiki strings), the flavour's credentials (401 with an empty body otherwise), keys
/// <c>{project}-1</c>, <c>-2</c>… (or seeded), label search, comments with properties, remote links upserted by
/// <c>globalId</c>, transitions, and faults injected per endpoint.
/// </summary>
public sealed partial class FakeJira : IAsyncDisposable
{
    public const string Email = "helpdesk@example.org";
    public const string ApiToken = "jira-test-api-token";
    public const string PersonalAccessToken = "jira-test-pat";
    public const string HelpDeskAccountId = "712020:helpdesk-integration";

    private readonly object _gate = new();
    private readonly List<FakeJiraIssue> _issues = [];
    private readonly List<FakeJiraRequest> _requests = [];
    private readonly Dictionary<JiraRoute, Queue<JiraFault>> _faults = [];
    private readonly HashSet<string> _projectsWithoutPriority = [];
    private LoopbackServer? _server;
    private int _nextId = 10_000;
    private int _nextNumber = 1;

    private FakeJira(FakeJiraFlavor flavor) => Flavor = flavor;

    public FakeJiraFlavor Flavor { get; }

    /// <summary>The site's base URL, <c>http://127.0.0.1:{port}/</c>.</summary>
    public Uri BaseUrl => _server!.Address;

    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>How long every answer takes, to keep calls in flight (during a plugin reload, say).</summary>
    public TimeSpan Latency { get; set; }

    public static async Task<FakeJira> StartAsync(FakeJiraFlavor flavor = FakeJiraFlavor.Cloud)
    {
        var jira = new FakeJira(flavor);
        jira._server = await LoopbackServer.StartAsync(jira.Map);
        return jira;
    }

    public IReadOnlyList<FakeJiraIssue> Issues
    {
        get
        {
            lock (_gate)
            {
                return [.. _issues];
            }
        }
    }

    public IReadOnlyList<FakeJiraRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    public int CountRequests(string method, string pathEnd) =>
        Requests.Count(r => r.Method == method && r.Path.EndsWith(pathEnd, StringComparison.Ordinal));

    /// <summary>Adds an issue as if made in Jira, such as the fixtures' <c>OPS-318</c>.</summary>
    public FakeJiraIssue Seed(string key, string summary, string status = "In Progress", string statusCategory = "indeterminate")
    {
        lock (_gate)
        {
            var issue = new FakeJiraIssue((_nextId++).ToString(System.Globalization.CultureInfo.InvariantCulture), key) { Summary = summary, Status = status, StatusCategory = statusCategory };
            _issues.Add(issue);
            return issue;
        }
    }

    /// <summary>Creates in <paramref name="project"/> refuse a priority, as Jira does when the create screen lacks the field.</summary>
    public void RefusePriorityIn(string project)
    {
        lock (_gate)
        {
            _projectsWithoutPriority.Add(project);
        }
    }

    /// <summary>The next requests to <paramref name="route"/> get these faults, one each, in order.</summary>
    public void Fail(JiraRoute route, params JiraFault[] faults)
    {
        lock (_gate)
        {
            if (!_faults.TryGetValue(route, out var queue))
            {
                _faults[route] = queue = new Queue<JiraFault>();
            }

            foreach (var fault in faults)
            {
                queue.Enqueue(fault);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    private JiraFault? NextFault(JiraRoute route)
    {
        lock (_gate)
        {
            return _faults.TryGetValue(route, out var queue) && queue.TryDequeue(out var fault) ? fault : null;
        }
    }

    private FakeJiraIssue? Find(string key)
    {
        lock (_gate)
        {
            return _issues.Find(i => string.Equals(i.Key, key, StringComparison.OrdinalIgnoreCase) || i.Id == key);
        }
    }

    private bool Authorized(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return Flavor == FakeJiraFlavor.Cloud
            ? header == "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Email}:{ApiToken}"))
            : header == "Bearer " + PersonalAccessToken;
    }

    // Every endpoint goes through here: auth, the request log, injected faults.
    private async Task Handle(HttpContext context, JiraRoute route, Func<Task<IResult>> work)
    {
        // Stamped on arrival: the client may read a response before the server is done with it, so a stamp taken
        // after writing it can come later than the client's retry timer started.
        var arrived = Clock.GetUtcNow();
        IResult result;
        if (Latency > TimeSpan.Zero)
        {
            await Task.Delay(Latency, context.RequestAborted);
        }

        if (!Authorized(context.Request))
        {
            result = Results.StatusCode(401);
        }
        else if (NextFault(route) is { } fault)
        {
            result = await Faulted(context, fault, work);
        }
        else
        {
            result = await work();
        }

        await result.ExecuteAsync(context);
        lock (_gate)
        {
            _requests.Add(new FakeJiraRequest(context.Request.Method, context.Request.Path.Value ?? "", context.Response.StatusCode, arrived));
        }
    }

    private async Task<IResult> Faulted(HttpContext context, JiraFault fault, Func<Task<IResult>> work)
    {
        if (fault.Status is not { } status)
        {
            var done = await work();
            await Task.Delay(fault.Delay ?? TimeSpan.Zero, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            return done;
        }

        if (fault.RetryAfter is { } retryAfter)
        {
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (status == 429 && fault.RateLimitReset is { } reset)
        {
            context.Response.Headers["X-RateLimit-Reset"] = Clock.GetUtcNow().Add(reset).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", System.Globalization.CultureInfo.InvariantCulture);
            context.Response.Headers["RateLimit-Reason"] = "jira-burst-based";
        }

        return status >= 500 ? Results.Json(new JsonObject { ["errorMessages"] = new JsonArray("Internal server error"), ["errors"] = new JsonObject() }, statusCode: status) : Results.StatusCode(status);
    }
}

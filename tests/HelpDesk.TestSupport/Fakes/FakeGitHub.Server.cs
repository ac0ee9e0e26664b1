using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace HelpDesk.TestSupport.Fakes;

/// <summary>
/// A GitHub REST API on loopback speaking <c>shared/contracts/github.md</c>: served under <c>/</c> and
/// <c>/api/v3/</c> (Enterprise Server), a bearer or token credential and a User-Agent required, the five
/// <c>x-ratelimit-*</c> headers on every answer, issues numbered from 1 per repository, comments, and faults injected
/// per endpoint (primary and secondary rate limits, plain 403, 5xx, slow answers).
/// </summary>
public sealed partial class FakeGitHub : IAsyncDisposable
{
    public const string Token = "github-test-token";
    public const string BotLogin = "helpdesk-bot";

    private readonly object _gate = new();
    private readonly Dictionary<string, List<FakeGitHubIssue>> _repositories = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<FakeGitHubRequest> _requests = [];
    private readonly Dictionary<GitHubRoute, Queue<GitHubFault>> _faults = [];
    private LoopbackServer? _server;
    private long _nextId = 1_000_000;

    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>The server's root, <c>http://127.0.0.1:{port}/</c>.</summary>
    public Uri Root => _server!.Address;

    /// <summary>The API as an Enterprise Server serves it: <c>{root}api/v3/</c>.</summary>
    public Uri EnterpriseBaseUrl => new(Root, "api/v3/");

    public static async Task<FakeGitHub> StartAsync(params string[] repositories)
    {
        var github = new FakeGitHub();
        foreach (var repository in repositories)
        {
            github._repositories[repository] = [];
        }

        github._server = await LoopbackServer.StartAsync(github.Map);
        return github;
    }

    public IReadOnlyList<FakeGitHubIssue> Issues(string repository)
    {
        lock (_gate)
        {
            return _repositories.TryGetValue(repository, out var issues) ? [.. issues] : [];
        }
    }

    public IReadOnlyList<FakeGitHubRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    public int CountRequests(string method, string pathEnd) => Requests.Count(r => r.Method == method && r.Path.EndsWith(pathEnd, StringComparison.Ordinal));

    /// <summary>Adds an issue as if opened on GitHub.</summary>
    public FakeGitHubIssue Seed(string repository, string title, string? body = null)
    {
        lock (_gate)
        {
            return Add(repository, title, body, []);
        }
    }

    public void Fail(GitHubRoute route, params GitHubFault[] faults)
    {
        lock (_gate)
        {
            if (!_faults.TryGetValue(route, out var queue))
            {
                _faults[route] = queue = new Queue<GitHubFault>();
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

    private FakeGitHubIssue Add(string repository, string title, string? body, IEnumerable<string> labels)
    {
        var issues = _repositories[repository];
        var now = Clock.GetUtcNow();
        // GitHub answers with its own spelling of the repository, whatever case the request used.
        var canonical = _repositories.Keys.First(k => string.Equals(k, repository, StringComparison.OrdinalIgnoreCase));
        var issue = new FakeGitHubIssue(_nextId++, issues.Count + 1, canonical) { Title = title, Body = body, CreatedAt = now, UpdatedAt = now };
        issue.Labels.AddRange(labels);
        issues.Add(issue);
        return issue;
    }

    private async Task Handle(HttpContext context, GitHubRoute route, Func<Task<IResult>> work)
    {
        var remaining = 4999;
        var reset = Clock.GetUtcNow().AddHours(1);
        IResult result;
        if (!Authorized(context.Request))
        {
            result = Json(401, "error-401");
        }
        else if (NextFault(route) is { } fault)
        {
            if (fault.Status is not { } status)
            {
                result = await work();
                await Task.Delay(fault.Delay ?? TimeSpan.Zero, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            }
            else
            {
                if (fault.PrimaryLimit)
                {
                    // The header carries whole seconds: rounded up, so the wait it announces is never shorter than asked.
                    var resetAt = Clock.GetUtcNow().Add(fault.Delay ?? TimeSpan.FromSeconds(2));
                    (remaining, reset) = (0, DateTimeOffset.FromUnixTimeSeconds((long)Math.Ceiling(resetAt.ToUnixTimeMilliseconds() / 1000.0)));
                }

                if (fault.RetryAfter is { } retryAfter)
                {
                    context.Response.Headers["retry-after"] = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                result = status switch
                {
                    403 when fault.PrimaryLimit => Json(403, "error-403-primary-rate-limit"),
                    403 or 429 when fault.RetryAfter is not null => Json(status, "error-403-secondary-rate-limit"),
                    403 => Results.Json(new JsonObject { ["message"] = "Resource not accessible by personal access token", ["status"] = "403" }, statusCode: 403),
                    _ => Results.Json(new JsonObject { ["message"] = "Server Error" }, statusCode: status),
                };
            }
        }
        else
        {
            result = await work();
        }

        context.Response.Headers["x-ratelimit-limit"] = "5000";
        context.Response.Headers["x-ratelimit-remaining"] = remaining.ToString(CultureInfo.InvariantCulture);
        context.Response.Headers["x-ratelimit-used"] = (5000 - remaining).ToString(CultureInfo.InvariantCulture);
        context.Response.Headers["x-ratelimit-reset"] = reset.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        context.Response.Headers["x-ratelimit-resource"] = "core";
        await result.ExecuteAsync(context);
        lock (_gate)
        {
            _requests.Add(new FakeGitHubRequest(context.Request.Method, context.Request.Path.Value ?? "", context.Response.StatusCode, Clock.GetUtcNow()));
        }
    }

    private static bool Authorized(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        var space = header.IndexOf(' ', StringComparison.Ordinal);
        return space > 0
            && header[..space].ToLowerInvariant() is "bearer" or "token"
            && header[(space + 1)..] == Token
            && !string.IsNullOrEmpty(request.Headers.UserAgent.ToString());
    }

    private GitHubFault? NextFault(GitHubRoute route)
    {
        lock (_gate)
        {
            return _faults.TryGetValue(route, out var queue) && queue.TryDequeue(out var fault) ? fault : null;
        }
    }

    private static IResult Json(int status, string fixture) =>
        Results.Text(System.Text.Encoding.UTF8.GetString(ContractFixtures.Bytes("github", fixture + ".json")), "application/json", statusCode: status);
}

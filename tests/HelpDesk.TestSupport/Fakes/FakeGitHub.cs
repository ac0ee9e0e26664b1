namespace HelpDesk.TestSupport.Fakes;

/// <summary>The endpoints of <see cref="FakeGitHub"/>, for injecting faults into one of them.</summary>
public enum GitHubRoute
{
    CreateIssue,
    ListIssues,
    GetIssue,
    UpdateIssue,
    CreateComment,
    ListComments,
}

/// <summary>A fault the fake answers with (or, for <see cref="SlowSuccess"/>, after doing the work).</summary>
public sealed record GitHubFault(int? Status, TimeSpan? RetryAfter = null, bool PrimaryLimit = false, TimeSpan? Delay = null)
{
    /// <summary>403 with <c>x-ratelimit-remaining: 0</c> and the reset <paramref name="resetIn"/> ahead.</summary>
    public static GitHubFault PrimaryRateLimit(TimeSpan resetIn) => new(403, PrimaryLimit: true, Delay: resetIn);

    /// <summary>A secondary limit: 403 or 429 with <c>retry-after</c>.</summary>
    public static GitHubFault SecondaryRateLimit(int status, TimeSpan retryAfter) => new(status, retryAfter);

    /// <summary>A 403 without rate-limit signs: no permission.</summary>
    public static GitHubFault Forbidden() => new(403);

    public static GitHubFault ServerError(int status = 500) => new(status);

    /// <summary>Does the work, then answers only after <paramref name="delay"/>.</summary>
    public static GitHubFault SlowSuccess(TimeSpan delay) => new(null, Delay: delay);
}

/// <summary>An issue as the fake holds it.</summary>
public sealed class FakeGitHubIssue(long id, int number, string repository)
{
    public long Id { get; } = id;

    public int Number { get; } = number;

    /// <summary><c>owner/repo</c>.</summary>
    public string Repository { get; } = repository;

    public string Title { get; set; } = "";

    public string? Body { get; set; }

    public List<string> Labels { get; } = [];

    public string State { get; set; } = "open";

    public string? StateReason { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    public List<FakeGitHubComment> Comments { get; } = [];
}

/// <summary>A comment as the fake holds it.</summary>
public sealed record FakeGitHubComment(long Id, string Body, string Login, DateTimeOffset CreatedAt);

/// <summary>One request the fake received.</summary>
public sealed record FakeGitHubRequest(string Method, string Path, int Status, DateTimeOffset At);

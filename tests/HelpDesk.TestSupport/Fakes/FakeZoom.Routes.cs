using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace HelpDesk.TestSupport.Fakes;

public sealed partial class FakeZoom
{
    private static readonly string[] AutoRecordings = ["none", "local", "cloud"];

    // ASP0016 mistakes the work functions passed to Handle for request delegates; Handle writes their results.
#pragma warning disable ASP0016
    private void Map(WebApplication app)
    {
        app.MapPost("/oauth/token", (RequestDelegate)(c => Handle(c, ZoomRoute.Token, () => TokenAsync(c))));
        app.MapPost("/v2/users/{userId}/meetings", (RequestDelegate)(c => Handle(c, ZoomRoute.CreateMeeting, () => CreateAsync(c))));
        app.MapGet("/v2/meetings/{meetingId}", (RequestDelegate)(c => Handle(c, ZoomRoute.GetMeeting, () => Task.FromResult(Get(c)))));
        app.MapDelete("/v2/meetings/{meetingId}", (RequestDelegate)(c => Handle(c, ZoomRoute.DeleteMeeting, () => Task.FromResult(Delete(c)))));
    }
#pragma warning restore ASP0016

    // Every endpoint goes through here: the token count, the API's bearer check, injected faults, the request log.
    private async Task Handle(HttpContext context, ZoomRoute route, Func<Task<IResult>> work)
    {
        IResult result;
        if (route == ZoomRoute.Token)
        {
            Interlocked.Increment(ref _tokenRequests);
        }

        // Logged as the answer starts, so a client that has its answer always finds the request in the log.
        context.Response.OnStarting(() =>
        {
            Log(route, context);
            return Task.CompletedTask;
        });

        if (route != ZoomRoute.Token && !HasLiveToken(context.Request))
        {
            result = Fixture(401, "error-401.json");
        }
        else if (NextFault(route) is { } fault)
        {
            result = await FaultedAsync(context, fault, work);
        }
        else
        {
            result = await work();
        }

        await result.ExecuteAsync(context);
    }

    private static async Task<IResult> FaultedAsync(HttpContext context, ZoomFault fault, Func<Task<IResult>> work)
    {
        if (fault.Status is not { } status)
        {
            var done = await work();
            // The client gives up and closes the connection; the work stays done, as at Zoom.
            await Task.Delay(fault.Delay ?? TimeSpan.Zero, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            return done;
        }

        if (fault.RateLimitType is { } type)
        {
            context.Response.Headers["X-RateLimit-Category"] = "Medium";
            context.Response.Headers["X-RateLimit-Type"] = type;
        }

        if (fault.RetryAfter is { } retryAfter)
        {
            context.Response.Headers.RetryAfter = retryAfter;
        }

        return fault.BodyFixture is { } file
            ? Fixture(status, file)
            : ApiError(status, status, status >= 500 ? "Internal server error." : "Request refused.");
    }

    private async Task<IResult> TokenAsync(HttpContext context)
    {
        var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync(context.RequestAborted) : null;
        string? Parameter(string name) => context.Request.Query[name].FirstOrDefault() ?? form?[name].FirstOrDefault();

        if (!HasClientCredentials(context.Request))
        {
            return Fixture(401, "token-error-401.json");
        }

        if (Parameter("grant_type") != "account_credentials")
        {
            return OAuthError("unsupported_grant_type", "Unsupported grant type");
        }

        if (Parameter("account_id") != AccountId)
        {
            return OAuthError("invalid_request", "Invalid request : Account ID is missing or unknown.");
        }

        var answer = Template("token-response-200.json");
        answer["access_token"] = IssueToken();
        answer["expires_in"] = (int)TokenLifetime.TotalSeconds;
        answer["api_url"] = _server!.Address.AbsoluteUri.TrimEnd('/');
        return Results.Json(answer);
    }

    private async Task<IResult> CreateAsync(HttpContext context)
    {
        var userId = (string)context.Request.RouteValues["userId"]!;
        if (userId is not ("me" or HostEmail))
        {
            return ApiError(404, 1001, $"User does not exist: {userId}.");
        }

        JsonObject? posted;
        try
        {
            posted = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted) as JsonObject;
        }
        catch (JsonException)
        {
            posted = null;
        }

        if (Invalid(posted) is { } problem)
        {
            return ApiError(400, 300, problem);
        }

        FakeZoomMeeting meeting;
        lock (_gate)
        {
            var id = _nextId++;
            meeting = new FakeZoomMeeting(id, userId, posted!, Answer(id, posted!));
            _meetings.Add(meeting);
        }

        return Results.Json(meeting.Answer, statusCode: 201);
    }

    private IResult Get(HttpContext context) => Find(context) is { } meeting
        ? Results.Json(meeting.Answer)
        : ApiError(404, 3001, $"Meeting does not exist: {context.Request.RouteValues["meetingId"]}.");

    private IResult Delete(HttpContext context)
    {
        if (Find(context) is not { } meeting)
        {
            return ApiError(404, 3001, $"Meeting does not exist: {context.Request.RouteValues["meetingId"]}.");
        }

        lock (_gate)
        {
            _meetings.Remove(meeting);
        }

        return Results.StatusCode(204);
    }

    private FakeZoomMeeting? Find(HttpContext context)
    {
        var id = long.TryParse((string?)context.Request.RouteValues["meetingId"], NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : -1;
        lock (_gate)
        {
            return _meetings.Find(m => m.Id == id);
        }
    }

    private static string? Invalid(JsonObject? posted)
    {
        if (posted is null)
        {
            return "Request Body should be a valid JSON object.";
        }

        if (!IsText(posted["topic"]))
        {
            return "Invalid field: topic.";
        }

        if (posted["type"] is not JsonValue type || !type.TryGetValue<int>(out var kind) || kind != 2)
        {
            return "Invalid field: type (this fake schedules only type 2).";
        }

        if (!IsText(posted["start_time"]) || !StartTime().IsMatch((string)posted["start_time"]!))
        {
            return "Invalid field: start_time (yyyy-MM-ddTHH:mm:ssZ, or local time without Z).";
        }

        if (posted["duration"] is not JsonValue duration || !duration.TryGetValue<int>(out var minutes) || minutes <= 0)
        {
            return "Invalid field: duration.";
        }

        var recording = posted["settings"]?["auto_recording"];
        return recording is not null && (!IsText(recording) || !AutoRecordings.Contains((string)recording!)) ? "Invalid field: settings.auto_recording." : null;
    }

    // The fixture's shape, with this meeting's values; settings are the fixture's overlaid with those posted.
    private JsonObject Answer(long id, JsonObject posted)
    {
        var answer = Template("create-meeting-response-201.json");
        var settings = (JsonObject)answer["settings"]!;
        foreach (var (name, value) in posted["settings"] as JsonObject ?? [])
        {
            settings[name] = value?.DeepClone();
        }

        var address = _server!.Address.AbsoluteUri;
        answer["id"] = id;
        answer["uuid"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        answer["topic"] = posted["topic"]!.DeepClone();
        answer["start_time"] = posted["start_time"]!.DeepClone();
        answer["duration"] = posted["duration"]!.DeepClone();
        answer["timezone"] = posted["timezone"]?.DeepClone() ?? "UTC";
        answer["agenda"] = posted["agenda"]?.DeepClone() ?? "";
        answer["created_at"] = Clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        answer["start_url"] = $"{address}s/{id}?zak=test-only-host-key-{Guid.NewGuid():N}";
        answer["join_url"] = $"{address}j/{id}?pwd=test-only-pwd-{id}";
        answer["password"] = RandomNumberGenerator.GetHexString(6, lowercase: true);
        return answer;
    }

    private static bool IsText(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0;

    private static JsonObject Template(string file) => JsonNode.Parse(ContractFixtures.Bytes("zoom", file))!.AsObject();

    private static IResult Fixture(int status, string file) =>
        Results.Text(Encoding.UTF8.GetString(ContractFixtures.Bytes("zoom", file)), "application/json;charset=UTF-8", Encoding.UTF8, status);

    private static IResult ApiError(int status, int code, string message) =>
        Results.Json(new JsonObject { ["code"] = code, ["message"] = message }, statusCode: status);

    private static IResult OAuthError(string error, string reason) =>
        Results.Json(new JsonObject { ["reason"] = reason, ["error"] = error }, statusCode: 400);

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z?$")]
    private static partial Regex StartTime();
}

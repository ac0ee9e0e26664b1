using System.Text;
using Microsoft.AspNetCore.Http;

namespace HelpDesk.TestSupport.Fakes;

/// <summary>
/// Zoom on loopback speaking <c>shared/contracts/zoom.md</c> §5: a Server-to-Server OAuth token endpoint (Basic client
/// credentials, <c>grant_type=account_credentials</c>, <c>account_id</c>; tokens live <see cref="TokenLifetime"/>), and
/// the meetings API behind a live Bearer token (401 code 124 otherwise): create (201, int64 ids above 2^31), get (404
/// code 3001 when unknown), delete (204, then 404). Faults are injected per endpoint with <see cref="Fail"/>.
/// </summary>
public sealed partial class FakeZoom : IAsyncDisposable
{
    /// <summary>The fixtures' account.</summary>
    public const string AccountId = "Xy3kQ8rLT0mZp1vN5sWd2A";
    public const string ClientId = "zoom-test-client-id";
    public const string ClientSecret = "zoom-test-client-secret";

    /// <summary>The user <c>me</c> stands for, as the fixtures name it; creates under it (or <c>me</c>) succeed.</summary>
    public const string HostEmail = "support-lead@helpdesk.example.org";

    private readonly Lock _gate = new();
    private readonly List<FakeZoomMeeting> _meetings = [];
    private readonly List<FakeZoomRequest> _requests = [];
    private readonly Dictionary<string, DateTimeOffset> _tokens = new(StringComparer.Ordinal);
    private readonly Dictionary<ZoomRoute, Queue<ZoomFault>> _faults = [];
    private LoopbackServer? _server;
    private long _nextId = 85_746_065_432;
    private int _tokenRequests;

    private FakeZoom(TimeProvider clock) => Clock = clock;

    /// <summary>The fake's clock for token expiry and the request log; share the plugin's <c>FakeTimeProvider</c> to expire tokens by time.</summary>
    public TimeProvider Clock { get; }

    /// <summary>The <c>expires_in</c> of the next tokens issued; an hour, as Zoom's, unless a test shortens it.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary><c>http://127.0.0.1:{port}/oauth/token</c>.</summary>
    public Uri TokenUrl => new(_server!.Address, "oauth/token");

    /// <summary><c>http://127.0.0.1:{port}/v2/</c>.</summary>
    public Uri ApiBaseUrl => new(_server!.Address, "v2/");

    /// <summary>Every request to the token endpoint, refused ones included.</summary>
    public int TokenRequests => Volatile.Read(ref _tokenRequests);

    /// <summary>The meetings that exist (created and not deleted), in creation order.</summary>
    public IReadOnlyList<FakeZoomMeeting> Meetings
    {
        get
        {
            lock (_gate)
            {
                return [.. _meetings];
            }
        }
    }

    /// <summary>Every request answered, in order of answering.</summary>
    public IReadOnlyList<FakeZoomRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Starts the fake on a free loopback port.</summary>
    /// <param name="clock">Its clock; the system clock when null.</param>
    public static async Task<FakeZoom> StartAsync(TimeProvider? clock = null)
    {
        var zoom = new FakeZoom(clock ?? TimeProvider.System);
        zoom._server = await LoopbackServer.StartAsync(zoom.Map);
        return zoom;
    }

    /// <summary>The statuses answered on one endpoint, in order.</summary>
    public IReadOnlyList<int> StatusesOf(ZoomRoute route) => [.. Requests.Where(r => r.Route == route).Select(r => r.Status)];

    /// <summary>Every token issued so far stops working: the API answers it 401 code 124, as after a revocation.</summary>
    public void ExpireTokens()
    {
        lock (_gate)
        {
            _tokens.Clear();
        }
    }

    /// <summary>The next <paramref name="times"/> requests to <paramref name="route"/> get <paramref name="fault"/>.</summary>
    public void Fail(ZoomRoute route, ZoomFault fault, int times = 1)
    {
        lock (_gate)
        {
            if (!_faults.TryGetValue(route, out var queue))
            {
                _faults[route] = queue = new Queue<ZoomFault>();
            }

            for (var i = 0; i < times; i++)
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

    private ZoomFault? NextFault(ZoomRoute route)
    {
        lock (_gate)
        {
            return _faults.TryGetValue(route, out var queue) && queue.TryDequeue(out var fault) ? fault : null;
        }
    }

    private static bool HasClientCredentials(HttpRequest request) =>
        request.Headers.Authorization.ToString() == "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{ClientId}:{ClientSecret}"));

    private bool HasLiveToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return false;
        }

        lock (_gate)
        {
            return _tokens.TryGetValue(header["Bearer ".Length..], out var expiresAt) && Clock.GetUtcNow() < expiresAt;
        }
    }

    private string IssueToken()
    {
        var token = $"fake-zoom-token-{Guid.NewGuid():N}";
        lock (_gate)
        {
            _tokens[token] = Clock.GetUtcNow() + TokenLifetime;
        }

        return token;
    }

    private void Log(ZoomRoute route, HttpContext context)
    {
        lock (_gate)
        {
            _requests.Add(new FakeZoomRequest(route, context.Request.Method, context.Request.Path.Value ?? "", context.Response.StatusCode, Clock.GetUtcNow()));
        }
    }
}

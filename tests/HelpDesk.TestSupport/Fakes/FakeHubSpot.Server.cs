using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace HelpDesk.TestSupport.Fakes;

/// <summary>
/// HubSpot CRM on loopback, speaking <c>shared/contracts/hubspot-crm.md</c>: contacts searched by <c>EQ</c> (case
/// insensitive), v4 associations with type ids (1 = primary), v3 contact and company reads, bearer-token auth (401 with
/// the contract's fixture otherwise), rate-limit headers on non-search answers, and faults on demand: 429 with and
/// without <c>Retry-After</c>, a <c>DAILY</c> 429, 5xx, and a hang beyond the client's timeout.
/// </summary>
public sealed partial class FakeHubSpot : IAsyncDisposable
{
    /// <summary>The private app token the fake accepts, shaped like a real one.</summary>
    public const string Token = "pat-na1-7c1e5a90-3b2d-4f6e-9a81-0d2c4b6e8f10";

    private readonly object _gate = new();
    private readonly List<StoredRecord> _contacts = [];
    private readonly Dictionary<string, StoredRecord> _companies = [];
    private readonly List<Association> _associations = [];
    private readonly List<FakeHubSpotRequest> _requests = [];
    private readonly Dictionary<HubSpotRoute, Queue<HubSpotFault>> _faults = [];
    private HubSpotFault? _failAll;
    private TaskCompletionSource _released = Released();
    private LoopbackServer? _server;
    private long _nextContactId = 201;
    private long _nextCompanyId = 9101;

    private FakeHubSpot()
    {
    }

    /// <summary>The API's base URL, <c>http://127.0.0.1:{port}/</c>, as configured for <c>https://api.hubapi.com</c>.</summary>
    public Uri BaseUrl => _server!.Address;

    /// <summary>The window sent as <c>X-HubSpot-RateLimit-Interval-Milliseconds</c>: what a client waits after a 429 without <c>Retry-After</c>.</summary>
    public TimeSpan RateLimitInterval { get; set; } = TimeSpan.FromSeconds(10);

    public IReadOnlyList<FakeHubSpotRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    public static async Task<FakeHubSpot> StartAsync()
    {
        var hubSpot = new FakeHubSpot();
        hubSpot._server = await LoopbackServer.StartAsync(hubSpot.Map);
        return hubSpot;
    }

    /// <summary>Requests that reached <paramref name="route"/>, failed or not.</summary>
    public int RequestCount(HubSpotRoute route) => Requests.Count(r => r.Route == route);

    /// <summary>
    /// A contact and, when <paramref name="companyName"/> is given, its primary company holding the tier
    /// (<c>support_tier</c>), <c>region</c> and owner (<c>hubspot_owner_id</c>).
    /// </summary>
    public FakeHubSpotCustomer AddCustomer(
        string email,
        string? firstName = null,
        string? lastName = null,
        string? companyName = null,
        string? tier = null,
        string? region = null,
        string? owner = null,
        string? language = null,
        string? timeZone = null,
        string? lifecycleStage = "customer")
    {
        var contactId = AddContact(email, new Dictionary<string, string?>
        {
            ["firstname"] = firstName,
            ["lastname"] = lastName,
            ["company"] = companyName,
            ["hs_language"] = language,
            ["hs_timezone"] = timeZone,
            ["lifecyclestage"] = lifecycleStage,
        });
        if (companyName is null)
        {
            return new FakeHubSpotCustomer(contactId, null);
        }

        var company = new Dictionary<string, string?> { ["name"] = companyName, ["domain"] = email[(email.IndexOf('@', StringComparison.Ordinal) + 1)..] };
        AddIfGiven(company, "support_tier", tier);
        AddIfGiven(company, "region", region);
        AddIfGiven(company, "hubspot_owner_id", owner);
        var companyId = AddCompany(company);
        Associate(contactId, companyId, primary: true);
        return new FakeHubSpotCustomer(contactId, companyId);
    }

    /// <summary>The contract's customer, from its fixtures: contact 151 (Ana Müller) with primary company 9001.</summary>
    public FakeHubSpotCustomer AddFixtureCustomer()
    {
        var contact = (JsonObject)((JsonArray)Fixture("contact-search-response-200.json")["results"]!)[0]!;
        var company = Fixture("company-get-200.json");
        lock (_gate)
        {
            _contacts.Add(StoredRecord.From(contact));
            _companies.Add((string)company["id"]!, StoredRecord.From(company));
        }

        Associate("151", "9001", primary: true);
        return new FakeHubSpotCustomer("151", "9001");
    }

    /// <summary>A contact with these properties (null values are stored as null); returns its id.</summary>
    public string AddContact(string email, IReadOnlyDictionary<string, string?> properties)
    {
        lock (_gate)
        {
            var id = (_nextContactId++).ToString(CultureInfo.InvariantCulture);
            var values = new Dictionary<string, string?>(properties) { ["email"] = email, ["hs_object_id"] = id };
            _contacts.Add(StoredRecord.New(id, values, "lastmodifieddate"));
            return id;
        }
    }

    /// <summary>A company with these properties; a property not given is absent, as a custom one not created in the account.</summary>
    public string AddCompany(IReadOnlyDictionary<string, string?> properties)
    {
        lock (_gate)
        {
            var id = (_nextCompanyId++).ToString(CultureInfo.InvariantCulture);
            _companies.Add(id, StoredRecord.New(id, new Dictionary<string, string?>(properties) { ["hs_object_id"] = id }, "hs_lastmodifieddate"));
            return id;
        }
    }

    /// <summary>
    /// Associates a company with a contact, after its earlier ones. A primary association has types 1 and 279, a plain
    /// one type 279 only; <paramref name="label"/> goes on the first type (by default <c>Primary</c> on type 1), so a
    /// test can show that labels are not what the client relies on.
    /// </summary>
    public void Associate(string contactId, string companyId, bool primary, string? label = null)
    {
        lock (_gate)
        {
            _associations.Add(new Association(contactId, companyId, primary, primary ? label ?? "Primary" : label));
        }
    }

    /// <summary>Deletes a company but keeps its associations, as when it is deleted between the two reads: it answers 404.</summary>
    public void RemoveCompany(string companyId)
    {
        lock (_gate)
        {
            _companies.Remove(companyId);
        }
    }

    /// <summary>The next <paramref name="times"/> requests to <paramref name="route"/> get <paramref name="fault"/>.</summary>
    public void Fail(HubSpotRoute route, HubSpotFault fault, int times = 1)
    {
        lock (_gate)
        {
            if (!_faults.TryGetValue(route, out var queue))
            {
                _faults[route] = queue = new Queue<HubSpotFault>();
            }

            for (var i = 0; i < times; i++)
            {
                queue.Enqueue(fault);
            }
        }
    }

    /// <summary>Every request to every endpoint gets <paramref name="fault"/> until <see cref="Recover"/>.</summary>
    public void FailAll(HubSpotFault fault)
    {
        lock (_gate)
        {
            _failAll = fault;
        }
    }

    /// <summary>Clears all faults and releases a hang.</summary>
    public void Recover()
    {
        lock (_gate)
        {
            _faults.Clear();
            _failAll = null;
        }

        Hang(false);
    }

    /// <summary>While on, requests get no answer (until the client gives up); turning it off answers the waiting ones.</summary>
    public void Hang(bool hang)
    {
        lock (_gate)
        {
            if (hang && _released.Task.IsCompleted)
            {
                _released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
            else if (!hang)
            {
                _released.TrySetResult();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        Hang(false);
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    private static TaskCompletionSource Released()
    {
        var released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        released.SetResult();
        return released;
    }

    private static void AddIfGiven(Dictionary<string, string?> properties, string name, string? value)
    {
        if (value is not null)
        {
            properties[name] = value;
        }
    }

    private static JsonObject Fixture(string file) => (JsonObject)JsonNode.Parse(ContractFixtures.Bytes("hubspot-crm", file))!;

    private HubSpotFault? NextFault(HubSpotRoute route)
    {
        lock (_gate)
        {
            return _faults.TryGetValue(route, out var queue) && queue.TryDequeue(out var fault) ? fault : _failAll;
        }
    }

    // Every endpoint goes through here: the hang, auth, injected faults, rate-limit headers, the request log.
    private async Task Handle(HttpContext context, HubSpotRoute? route, Func<string?, IResult> work)
    {
        var status = 499;
        string? body = null;
        try
        {
            if (HttpMethods.IsPost(context.Request.Method))
            {
                using var reader = new StreamReader(context.Request.Body);
                body = await reader.ReadToEndAsync(context.RequestAborted);
            }

            Task released;
            lock (_gate)
            {
                released = _released.Task;
            }

            await released.WaitAsync(context.RequestAborted);
            var fault = route is { } known ? NextFault(known) : null;
            if (route != HubSpotRoute.SearchContacts)
            {
                RateLimitHeaders(context.Response, fault);
            }

            var result = context.Request.Headers.Authorization != $"Bearer {Token}" ? FixtureResult(401, "error-401.json")
                : fault is { } failure ? Faulted(context.Response, failure)
                : work(body);
            await result.ExecuteAsync(context);
            status = context.Response.StatusCode;
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client gave up (its timeout): logged as 499, as nginx does.
        }
        finally
        {
            lock (_gate)
            {
                _requests.Add(new FakeHubSpotRequest(route, context.Request.Method, context.Request.Path + context.Request.QueryString, status, body, DateTimeOffset.UtcNow));
            }
        }
    }

    private static IResult Faulted(HttpResponse response, HubSpotFault fault)
    {
        switch (fault)
        {
            case HubSpotFault.RateLimited:
                response.Headers.RetryAfter = "1";
                return FixtureResult(429, "error-429.json");
            case HubSpotFault.RateLimitedWithoutRetryAfter:
                return FixtureResult(429, "error-429.json");
            case HubSpotFault.DailyLimit:
                var daily = Fixture("error-429.json");
                daily["message"] = "You have reached your daily limit.";
                daily["policyName"] = "DAILY";
                return Results.Json(daily, statusCode: 429);
            case HubSpotFault.ServerError:
                return Results.Json(new JsonObject { ["status"] = "error", ["message"] = "internal error", ["correlationId"] = Guid.NewGuid().ToString() }, statusCode: 500);
            default:
                var status = fault == HubSpotFault.BadGateway ? 502 : 503;
                return Results.Text($"<html><body><h1>{status}</h1></body></html>", "text/html", statusCode: status);
        }
    }

    private void RateLimitHeaders(HttpResponse response, HubSpotFault? fault)
    {
        var limited = fault is HubSpotFault.RateLimited or HubSpotFault.RateLimitedWithoutRetryAfter;
        response.Headers["X-HubSpot-RateLimit-Max"] = "190";
        response.Headers["X-HubSpot-RateLimit-Remaining"] = limited ? "0" : "189";
        response.Headers["X-HubSpot-RateLimit-Interval-Milliseconds"] = ((long)RateLimitInterval.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
        response.Headers["X-HubSpot-RateLimit-Daily"] = "1000000";
        response.Headers["X-HubSpot-RateLimit-Daily-Remaining"] = fault == HubSpotFault.DailyLimit ? "0" : "999000";
        response.Headers["X-HubSpot-RateLimit-Secondly"] = "19";
        response.Headers["X-HubSpot-RateLimit-Secondly-Remaining"] = limited ? "0" : "18";
    }

    private static IResult FixtureResult(int status, string file) =>
        Results.Text(ContractFixtures.Bytes("hubspot-crm", file), "application/json", statusCode: status);

    private sealed record Association(string ContactId, string CompanyId, bool Primary, string? Label);
}

namespace HelpDesk.TestSupport.Fakes;

/// <summary>The endpoints of <see cref="FakeHubSpot"/>, for injecting faults into one and counting its requests.</summary>
public enum HubSpotRoute
{
    /// <summary><c>POST /crm/v3/objects/contacts/search</c>.</summary>
    SearchContacts,

    /// <summary><c>GET /crm/v4/objects/contacts/{id}/associations/companies</c>.</summary>
    ContactCompanies,

    /// <summary><c>GET /crm/v3/objects/contacts/{id}</c> (with <c>associations=companies</c>, the v3 form).</summary>
    GetContact,

    /// <summary><c>GET /crm/v3/objects/companies/{id}</c>.</summary>
    GetCompany,
}

/// <summary>A failure the fake answers with instead of doing the work (shared/contracts/hubspot-crm.md, section 5).</summary>
public enum HubSpotFault
{
    /// <summary>429 with <c>Retry-After: 1</c> and the contract's <c>error-429.json</c> (policy <c>SECONDLY</c>).</summary>
    RateLimited,

    /// <summary>429 without <c>Retry-After</c> (policy <c>SECONDLY</c>): the client waits the rate-limit window.</summary>
    RateLimitedWithoutRetryAfter,

    /// <summary>429 with policy <c>DAILY</c>: over until tomorrow, never retried.</summary>
    DailyLimit,

    /// <summary>500 with HubSpot's JSON error body.</summary>
    ServerError,

    /// <summary>502 with a gateway's HTML page.</summary>
    BadGateway,

    /// <summary>503 with a gateway's HTML page.</summary>
    ServiceUnavailable,
}

/// <summary>The ids a seeded customer got: its contact and, when it has one, its primary company.</summary>
public sealed record FakeHubSpotCustomer(string ContactId, string? CompanyId);

/// <summary>One request the fake answered, for assertions on what the connector sent.</summary>
/// <param name="Route">The endpoint, or null for a path the fake does not know (answered 404).</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">Path and query.</param>
/// <param name="Status">The answer's status; 499 when the client gave up first.</param>
/// <param name="Body">The request's body, for POSTs.</param>
/// <param name="At">When it arrived.</param>
public sealed record FakeHubSpotRequest(HubSpotRoute? Route, string Method, string Path, int Status, string? Body, DateTimeOffset At);

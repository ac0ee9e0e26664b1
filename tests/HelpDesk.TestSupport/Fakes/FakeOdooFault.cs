namespace HelpDesk.TestSupport.Fakes;

/// <summary>What <see cref="FakeOdoo"/> answers instead of the work, for the next requests (any endpoint).</summary>
public enum FakeOdooFault
{
    /// <summary>HTTP 429 with <c>Retry-After: 1</c>, as a hosting limit or proxy sends it.</summary>
    TooManyRequests,

    /// <summary>HTTP 503 with an HTML page and no <c>Retry-After</c>, as a proxy sends it while Odoo restarts.</summary>
    Unavailable,

    /// <summary>HTTP 502 with nginx's HTML page: a body that is not JSON.</summary>
    BadGateway,

    /// <summary>An Odoo server fault (<c>psycopg2.OperationalError</c>): JSON-RPC error with HTTP 200, or JSON-2 HTTP 500.</summary>
    ServerError,

    /// <summary><c>odoo.exceptions.UserError</c>: JSON-RPC error with HTTP 200, or JSON-2 HTTP 422.</summary>
    UserError,
}

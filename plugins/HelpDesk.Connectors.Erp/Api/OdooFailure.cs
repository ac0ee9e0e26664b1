namespace HelpDesk.Connectors.Erp.Api;

/// <summary>Whose move it is after a failed call to Odoo: the admin's (credentials, rights, settings) or time's.</summary>
internal enum OdooFailure
{
    /// <summary>Odoo refused the login or the API key: an admin must fix <c>User</c>/<c>ApiKey</c> (or rotate an expired key).</summary>
    Credentials,

    /// <summary>The bot user lacks rights on a model, or the settings point at the wrong place (path, database, protocol).</summary>
    Configuration,

    /// <summary>Odoo refused the request itself (a user, validation or missing-record error, an unexpected argument).</summary>
    BadRequest,

    /// <summary>Odoo or a proxy in front of it failed, timed out or was unreachable, even after the retries.</summary>
    Unavailable,
}

using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace HelpDesk.Connectors.Erp.Hosting;

/// <summary>The plugin's section, <c>HelpDesk:Plugins:erp</c>, read once per load.</summary>
public sealed record ErpOptions
{
    /// <summary>The Odoo site, always ending in <c>/</c> so API paths land under a context path too.</summary>
    public required Uri BaseUrl { get; init; }

    public required string Database { get; init; }

    /// <summary>The bot's login; JSON-2 needs no login but error messages name it.</summary>
    public required string User { get; init; }

    public required string ApiKey { get; init; }

    public OdooProtocol Protocol { get; init; } = OdooProtocol.JsonRpc;

    /// <summary>How many of the customer's most recent sale orders are shown.</summary>
    public int OrderLimit { get; init; } = 5;

    /// <summary>How many open invoices are shown at most.</summary>
    public int InvoiceLimit { get; init; } = 20;

    /// <summary>How long one HTTP request may take.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The longest <c>Retry-After</c> waited out inside one call; longer ones fail the call and the hub asks again later.</summary>
    public TimeSpan MaxRetryWait { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Where a person opens a record in Odoo's web client.</summary>
    public string RecordUrl(string model, long id) =>
        string.Create(CultureInfo.InvariantCulture, $"{new Uri(BaseUrl, "web").AbsoluteUri}#id={id}&model={model}&view_type=form");

    /// <summary>Reads the section; an unusable value fails the plugin's load with the key at fault (never the key's value for ApiKey).</summary>
    /// <exception cref="InvalidOperationException">A required key is missing or a value cannot be used.</exception>
    public static ErpOptions From(IConfiguration section) => new()
    {
        BaseUrl = BaseUrlFrom(section["BaseUrl"]),
        Database = Value(section, "Database") ?? throw Invalid("Database", "is required (the Odoo database name, shown in the database selector or the URL's ?db=)"),
        User = Value(section, "User") ?? throw Invalid("User", "is required (the bot user's login, usually an email address)"),
        ApiKey = Value(section, "ApiKey") ?? throw Invalid("ApiKey", "is required (an API key of the bot user: Preferences → Account Security → New API Key)"),
        Protocol = ProtocolFrom(section["Protocol"]),
        OrderLimit = Count(section, "OrderLimit", 5),
        InvoiceLimit = Count(section, "InvoiceLimit", 20),
        RequestTimeout = Duration(section, "RequestTimeout", TimeSpan.FromSeconds(10)),
        MaxRetryWait = Duration(section, "MaxRetryWait", TimeSpan.FromSeconds(5)),
    };

    private static Uri BaseUrlFrom(string? value)
    {
        if (!Uri.TryCreate(value?.Trim(), UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http") || url.Query.Length > 0 || url.Fragment.Length > 0)
        {
            throw Invalid("BaseUrl", "must be the Odoo site's absolute http(s) address, such as https://northwind.odoo.com");
        }

        return url.AbsoluteUri.EndsWith('/') ? url : new Uri(url.AbsoluteUri + "/");
    }

    private static OdooProtocol ProtocolFrom(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "jsonrpc" or "json-rpc" => OdooProtocol.JsonRpc,
        "json2" or "json-2" => OdooProtocol.Json2,
        _ => throw Invalid("Protocol", $"'{value}' must be jsonrpc or json2 (Odoo 19 and later)"),
    };

    private static int Count(IConfiguration section, string key, int fallback)
    {
        if (Value(section, key) is not { } text)
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value is > 0 and <= 100
            ? value
            : throw Invalid(key, $"'{text}' must be a whole number from 1 to 100");
    }

    private static TimeSpan Duration(IConfiguration section, string key, TimeSpan fallback)
    {
        if (Value(section, key) is not { } text)
        {
            return fallback;
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value) && value > TimeSpan.Zero && value < TimeSpan.FromMinutes(1)
            ? value
            : throw Invalid(key, $"'{text}' must be a duration between 0 and 1 minute, such as 00:00:10");
    }

    // Blank counts as absent: an empty environment variable must not become an empty credential.
    private static string? Value(IConfiguration section, string key) => section[key] is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static InvalidOperationException Invalid(string key, string problem) => new($"erp: {key} {problem}.");
}

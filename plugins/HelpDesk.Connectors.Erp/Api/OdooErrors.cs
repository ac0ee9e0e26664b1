using System.Text.Json.Nodes;

namespace HelpDesk.Connectors.Erp.Api;

/// <summary>
/// What Odoo's exceptions mean for the plugin. JSON-RPC reports them with HTTP 200 and the Python class in
/// <c>error.data.name</c>; the contract's table says which are the admin's to fix and which are worth another try.
/// </summary>
internal static class OdooErrors
{
    public static OdooFailure Classify(string? exceptionName) => exceptionName switch
    {
        "odoo.exceptions.AccessDenied" => OdooFailure.Credentials,
        "odoo.exceptions.AccessError" => OdooFailure.Configuration,
        // RedirectWarning is a UserError; Warning is the name UserError had before Odoo 14.
        "odoo.exceptions.UserError" or "odoo.exceptions.ValidationError" or "odoo.exceptions.MissingError"
            or "odoo.exceptions.RedirectWarning" or "odoo.exceptions.Warning" => OdooFailure.BadRequest,
        _ => OdooFailure.Unavailable,
    };

    /// <summary>The exception class named in a JSON-RPC answer, or null when the answer is no JSON-RPC error.</summary>
    public static string? JsonRpcErrorName(string body)
    {
        try
        {
            return JsonNode.Parse(body) is JsonObject { } answer && answer["error"] is JsonObject error
                ? (string?)error["data"]?["name"] ?? "unnamed"
                : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}

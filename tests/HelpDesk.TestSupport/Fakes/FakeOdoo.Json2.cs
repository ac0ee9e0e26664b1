using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace HelpDesk.TestSupport.Fakes;

public sealed partial class FakeOdoo
{
    // json2-error-401.json, as Odoo 19 answers a missing or wrong bearer key.
    private const string Unauthorized = """
        {"name": "werkzeug.exceptions.Unauthorized", "message": "Invalid apikey", "arguments": ["Invalid apikey", 401], "context": {}, "debug": "Traceback (most recent call last):\n  ...\nwerkzeug.exceptions.Unauthorized: 401 Unauthorized: Invalid apikey\n"}
        """;

    // Statuses decide: 401 key, 404 database/model/method, 403 rights, 422 arguments (named only, known names only).
    private async Task Json2Async(HttpContext context, JsonNode? body)
    {
        var model = (string)context.Request.RouteValues["model"]!;
        var method = (string)context.Request.RouteValues["method"]!;
        if (!BearerAccepted(context.Request.Headers.Authorization.ToString()))
        {
            await Json(context, 401, JsonNode.Parse(Unauthorized));
            return;
        }

        var database = context.Request.Headers["X-Odoo-Database"].ToString();
        if (database.Length > 0 && database != Database)
        {
            await Json(context, 404, Json2Error("werkzeug.exceptions.NotFound", $"database {database} not found"));
            return;
        }

        if (body is not JsonObject arguments)
        {
            await Json(context, 422, Json2Error("werkzeug.exceptions.UnprocessableEntity", "the body must be a JSON object of named arguments"));
            return;
        }

        if (arguments.Select(a => a.Key).FirstOrDefault(k => !SearchReadKeywords.Contains(k)) is { } unexpected)
        {
            await Json(context, 422, Json2Error("werkzeug.exceptions.UnprocessableEntity", $"BaseModel.search_read() got an unexpected keyword argument '{unexpected}'"));
            return;
        }

        try
        {
            await Json(context, 200, Call(model, method, arguments["domain"], arguments));
        }
        catch (OdooError error)
        {
            var status = error.Name switch
            {
                "odoo.exceptions.AccessError" => 403,
                "odoo.exceptions.UserError" or "builtins.AttributeError" => 404,
                _ => 422,
            };
            await Json(context, status, Json2Error(error.Name, error.Message));
        }
    }

    private bool BearerAccepted(string header)
    {
        lock (_gate)
        {
            return header.StartsWith("bearer ", StringComparison.OrdinalIgnoreCase) && header["bearer ".Length..] == _acceptedKey;
        }
    }
}

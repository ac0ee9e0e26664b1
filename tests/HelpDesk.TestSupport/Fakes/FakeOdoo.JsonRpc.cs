using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace HelpDesk.TestSupport.Fakes;

public sealed partial class FakeOdoo
{
    private static readonly HashSet<string> SearchReadKeywords = ["domain", "fields", "limit", "offset", "order", "context"];

    // Every answer is HTTP 200, errors included, with the request's id echoed: real Odoo never answers 401 here.
    private async Task JsonRpcAsync(HttpContext context, JsonNode? body)
    {
        if (body is not JsonObject { } envelope || envelope["params"] is not JsonObject parameters)
        {
            await Text(context, 400, "<html><body>Bad Request: not a JSON-RPC call</body></html>");
            return;
        }

        var args = parameters["args"] as JsonArray ?? [];
        JsonNode? result;
        try
        {
            result = (Str(parameters["service"]), Str(parameters["method"])) switch
            {
                ("common", "version") => Version(),
                ("common", "authenticate" or "login") => Authenticate(args),
                ("object", "execute_kw") => ExecuteKw(args),
                var (service, method) => throw new OdooError("builtins.NameError", $"service '{service}' has no method '{method}'"),
            };
        }
        catch (OdooError error)
        {
            await JsonRpcError(context, body, error.Name, error.Message);
            return;
        }

        await Json(context, 200, new JsonObject { ["jsonrpc"] = "2.0", ["id"] = envelope["id"]?.DeepClone(), ["result"] = result });
    }

    private static JsonObject Version() => new()
    {
        ["server_version"] = "18.0",
        ["server_version_info"] = new JsonArray(18, 0, 0, "final", 0, ""),
        ["server_serie"] = "18.0",
        ["protocol_version"] = 1,
    };

    // authenticate answers false (not an error) for bad credentials.
    private JsonNode Authenticate(JsonArray args)
    {
        lock (_gate)
        {
            var valid = args.Count >= 3 && Str(args[0]) == Database && Str(args[1]) == User && Str(args[2]) == _acceptedKey;
            return valid ? Uid : false;
        }
    }

    private JsonArray ExecuteKw(JsonArray args)
    {
        if (args.Count < 6 || Str(args[0]) is not { } database || Str(args[3]) is not { } model || Str(args[4]) is not { } method)
        {
            throw new OdooError("builtins.TypeError", "execute_kw() missing required positional arguments");
        }

        if (database != Database)
        {
            throw new OdooError("psycopg2.OperationalError", $"connection to server failed: FATAL:  database \"{database}\" does not exist");
        }

        lock (_gate)
        {
            if (args[1]?.GetValueKind() != System.Text.Json.JsonValueKind.Number || (int)args[1]! != Uid || Str(args[2]) != _acceptedKey)
            {
                throw new OdooError("odoo.exceptions.AccessDenied", "Access Denied");
            }
        }

        var keywords = args.Count > 6 && args[6] is JsonObject given ? given : new JsonObject();
        if (keywords.Select(k => k.Key).FirstOrDefault(k => !SearchReadKeywords.Contains(k)) is { } unexpected)
        {
            throw new OdooError("builtins.TypeError", $"BaseModel.search_read() got an unexpected keyword argument '{unexpected}'");
        }

        var domain = (args[5] as JsonArray)?.FirstOrDefault() ?? keywords["domain"];
        return Call(model, method, domain, keywords);
    }

    private JsonArray Call(string model, string method, JsonNode? domain, JsonObject keywords)
    {
        lock (_gate)
        {
            if (!_tables.ContainsKey(model))
            {
                throw new OdooError("odoo.exceptions.UserError", $"Object {model} doesn't exist");
            }

            if (_forbidden.Contains(model))
            {
                throw new OdooError("odoo.exceptions.AccessError",
                    $"You are not allowed to access '{model}' ({model}) records.\n\nThis operation is allowed for the following groups:\n\t- Accounting/Billing\n\nContact your administrator to request access if necessary.");
            }

            return method == "search_read"
                ? SearchRead(model, domain, keywords)
                : throw new OdooError("builtins.AttributeError", $"The method '{method}' does not exist on the model '{model}'");
        }
    }

    private static Task JsonRpcError(HttpContext context, JsonNode? request, string name, string message) => Json(context, 200, new JsonObject
    {
        ["jsonrpc"] = "2.0",
        ["id"] = request?["id"]?.DeepClone(),
        ["error"] = new JsonObject
        {
            ["code"] = 200,
            ["message"] = "Odoo Server Error",
            ["data"] = new JsonObject
            {
                ["name"] = name,
                ["debug"] = $"Traceback (most recent call last):\n  ...\n{name}: {message}\n",
                ["message"] = message,
                ["arguments"] = new JsonArray(message),
                ["context"] = new JsonObject(),
            },
        },
    });

    /// <summary>A Python exception as Odoo reports it: its class's full name and its message.</summary>
    private sealed class OdooError(string name, string message) : Exception(message)
    {
        public string Name { get; } = name;
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace HelpDesk.TestSupport.Fakes;

public sealed partial class FakeOdoo
{
    private const string BadGatewayPage = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
    private const string UnavailablePage = "<html><body><h1>503 Service Temporarily Unavailable</h1></body></html>";

    private void Map(WebApplication app)
    {
        app.MapPost("/jsonrpc", context => Handle(context, isJson2: false, JsonRpcAsync));
        app.MapPost("/json/2/{model}/{method}", context => Handle(context, isJson2: true, Json2Async));
    }

    // Every request goes through here: the request log, latency, hanging, and injected faults, as a proxy in front would.
    private async Task Handle(HttpContext context, bool isJson2, Func<HttpContext, JsonNode?, Task> work)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = Parse(await reader.ReadToEndAsync(context.RequestAborted));
        FakeOdooFault? fault;
        bool hang;
        lock (_gate)
        {
            _received.Add(Describe(context, body, isJson2));
            fault = _faults.TryDequeue(out var next) ? next : null;
            hang = _hang;
        }

        if (Latency > TimeSpan.Zero)
        {
            await Task.Delay(Latency, context.RequestAborted);
        }

        if (hang)
        {
            // Until the client gives up (it closes the connection), but never past the test run.
            await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            return;
        }

        await (fault is { } due ? Faulted(context, due, body, isJson2) : work(context, body));
    }

    private static Task Faulted(HttpContext context, FakeOdooFault fault, JsonNode? body, bool isJson2) => fault switch
    {
        FakeOdooFault.TooManyRequests => Text(context, 429, "Too Many Requests", retryAfter: "1"),
        FakeOdooFault.Unavailable => Text(context, 503, UnavailablePage),
        FakeOdooFault.BadGateway => Text(context, 502, BadGatewayPage),
        FakeOdooFault.ServerError when isJson2 => Json(context, 500, Json2Error("psycopg2.OperationalError", "server closed the connection unexpectedly")),
        FakeOdooFault.ServerError => JsonRpcError(context, body, "psycopg2.OperationalError", "server closed the connection unexpectedly"),
        FakeOdooFault.UserError when isJson2 => Json(context, 422, Json2Error("odoo.exceptions.UserError", "The operation cannot be completed.")),
        _ => JsonRpcError(context, body, "odoo.exceptions.UserError", "The operation cannot be completed."),
    };

    private static FakeOdooRequest Describe(HttpContext context, JsonNode? body, bool isJson2)
    {
        string? method, model = null;
        if (isJson2)
        {
            method = (string?)context.Request.RouteValues["method"];
            model = (string?)context.Request.RouteValues["model"];
        }
        else
        {
            method = Str(body?["params"]?["method"]);
            if (method == "execute_kw" && body?["params"]?["args"] is JsonArray args && args.Count > 4)
            {
                (model, method) = (Str(args[3]), Str(args[4]));
            }
        }

        var headers = context.Request.Headers;
        return new FakeOdooRequest(context.Request.Path.Value ?? "", body, method, model,
            headers.Authorization.Count > 0 ? headers.Authorization.ToString() : null,
            headers.TryGetValue("X-Odoo-Database", out var database) ? database.ToString() : null);
    }

    private static JsonNode? Parse(string text)
    {
        try
        {
            return text.Length == 0 ? null : JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Str(JsonNode? node) => node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private static async Task Text(HttpContext context, int status, string text, string? retryAfter = null)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = text.StartsWith('<') ? "text/html" : "text/plain";
        if (retryAfter is not null)
        {
            context.Response.Headers.RetryAfter = retryAfter;
        }

        await context.Response.WriteAsync(text, context.RequestAborted);
    }

    private static async Task Json(HttpContext context, int status, JsonNode? body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body?.ToJsonString() ?? "null", context.RequestAborted);
    }

    private static JsonObject Json2Error(string name, string message) => new()
    {
        ["name"] = name,
        ["message"] = message,
        ["arguments"] = new JsonArray(message),
        ["context"] = new JsonObject(),
        ["debug"] = $"Traceback (most recent call last):\n  ...\n{name}: {message}\n",
    };
}

using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using HelpDesk.Connectors.Erp.Hosting;
using Microsoft.Extensions.Logging;

namespace HelpDesk.Connectors.Erp.Api;

/// <summary>
/// Odoo's external JSON-RPC API (<c>POST /jsonrpc</c>): one <c>common.authenticate</c> per plugin load, its uid kept,
/// then <c>object.execute_kw</c> with the API key in every call (there is no session). Errors arrive with HTTP 200
/// and are told apart by <c>error.data.name</c> (<see cref="OdooErrors"/>).
/// </summary>
internal sealed class JsonRpcClient(OdooTransport transport, ErpOptions options, ILogger<JsonRpcClient> logger) : IOdooClient, IDisposable
{
    private const string Path = "jsonrpc";
    private readonly SemaphoreSlim _login = new(1, 1);
    private volatile int _uid;
    private int _lastId;

    public async Task<IReadOnlyList<JsonObject>> SearchReadAsync(OdooSearch search, CancellationToken cancellationToken)
    {
        var uid = await UidAsync(cancellationToken);
        var keywords = new JsonObject { ["fields"] = search.FieldList() };
        if (search.Order is { } order)
        {
            keywords["order"] = order;
        }

        keywords["limit"] = search.Limit;
        JsonArray args = [options.Database, uid, options.ApiKey, search.Model, "search_read", new JsonArray(search.Domain.DeepClone()), keywords];
        var result = await CallAsync("object", "execute_kw", args, search.What, search.Model, cancellationToken);
        return result is JsonArray rows
            ? [.. rows.OfType<JsonObject>()]
            : throw new OdooException(OdooFailure.Unavailable, $"Odoo answered {search.What} without a list of records.");
    }

    public void Dispose() => _login.Dispose();

    // One login even when many lookups start together; a failed login is not kept, so the next lookup tries again.
    private async Task<int> UidAsync(CancellationToken cancellationToken)
    {
        if (_uid is > 0 and var known)
        {
            return known;
        }

        await _login.WaitAsync(cancellationToken);
        try
        {
            if (_uid == 0)
            {
                _uid = await AuthenticateAsync(cancellationToken);
                logger.LogInformation("Signed in to Odoo {BaseUrl} (database {Database}) as {User}, uid {Uid}", options.BaseUrl, options.Database, options.User, _uid);
            }

            return _uid;
        }
        finally
        {
            _login.Release();
        }
    }

    private async Task<int> AuthenticateAsync(CancellationToken cancellationToken)
    {
        JsonArray args = [options.Database, options.User, options.ApiKey, new JsonObject()];
        var result = await CallAsync("common", "authenticate", args, "common.authenticate", model: null, cancellationToken);
        return result is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<int>(out var uid) && uid > 0
            ? uid
            : throw new OdooException(
                OdooFailure.Credentials,
                $"Odoo refused the login of '{options.User}' on database '{options.Database}': check User and ApiKey (an API key of that user; keys can expire or be revoked).");
    }

    private async Task<JsonNode?> CallAsync(string service, string method, JsonArray args, string what, string? model, CancellationToken cancellationToken)
    {
        var envelope = new JsonObject
        {
            ["jsonrpc"] = "2.0",
            ["method"] = "call",
            ["params"] = new JsonObject { ["service"] = service, ["method"] = method, ["args"] = args },
            ["id"] = Interlocked.Increment(ref _lastId),
        };
        var answer = await transport.PostAsync(Path, envelope, what, headers: null, cancellationToken);
        if (answer.Status != HttpStatusCode.OK)
        {
            throw transport.Refusal(answer, Path, what);
        }

        return answer.Json() switch
        {
            JsonObject { } reply when reply["error"] is JsonObject error => throw Failure(error, what, model),
            JsonObject { } reply when reply.ContainsKey("result") => reply["result"],
            _ => throw new OdooException(OdooFailure.Unavailable, $"Odoo answered {what} with something other than JSON-RPC: is BaseUrl ({options.BaseUrl}) the Odoo site itself?"),
        };
    }

    private OdooException Failure(JsonObject error, string what, string? model)
    {
        var name = OdooTransport.Text(error["data"]?["name"]);
        var said = transport.Safe(OdooTransport.Text(error["data"]?["message"]) ?? OdooTransport.Text(error["message"]) ?? "no message");
        var failure = OdooErrors.Classify(name);
        var shortName = name?[(name.LastIndexOf('.') + 1)..] ?? "an unnamed error";
        return new OdooException(failure, failure switch
        {
            OdooFailure.Credentials => $"Odoo refused the API key of '{options.User}' on database '{options.Database}' ({shortName}) for {what}: check ApiKey, which may have expired or been revoked.",
            OdooFailure.Configuration => $"Odoo's user '{options.User}' may not read {model ?? "this"} records ({shortName}): {said} Give the user the rights listed in the erp plugin's README.",
            OdooFailure.BadRequest => $"Odoo refused {what} ({shortName}): {said}",
            _ => $"Odoo failed on {what} ({name ?? shortName}): {said}",
        });
    }
}

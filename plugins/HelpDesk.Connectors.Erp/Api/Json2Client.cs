using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using HelpDesk.Connectors.Erp.Hosting;

namespace HelpDesk.Connectors.Erp.Api;

/// <summary>
/// Odoo 19's JSON-2 API (<c>POST /json/2/&lt;model&gt;/&lt;method&gt;</c>): the API key as a bearer token, the database
/// in <c>X-Odoo-Database</c>, named arguments, no login. Errors are real HTTP statuses and are decided on the status.
/// </summary>
internal sealed class Json2Client(OdooTransport transport, ErpOptions options) : IOdooClient
{
    public async Task<IReadOnlyList<JsonObject>> SearchReadAsync(OdooSearch search, CancellationToken cancellationToken)
    {
        var path = $"json/2/{search.Model}/search_read";
        var body = new JsonObject
        {
            ["domain"] = search.Domain.DeepClone(),
            ["fields"] = search.FieldList(),
        };
        if (search.Order is { } order)
        {
            body["order"] = order;
        }

        body["limit"] = search.Limit;
        // English names (currencies, states' labels) whatever the bot user's language.
        body["context"] = new JsonObject { ["lang"] = "en_US" };
        var answer = await transport.PostAsync(path, body, search.What, Credentials, cancellationToken);
        if (answer.Status == HttpStatusCode.OK)
        {
            return answer.Json() is JsonArray rows
                ? [.. rows.OfType<JsonObject>()]
                : throw new OdooException(OdooFailure.Unavailable, $"Odoo answered {search.What} without a list of records.");
        }

        throw Refusal(answer, path, search);
    }

    private void Credentials(HttpRequestHeaders headers)
    {
        headers.Authorization = new AuthenticationHeaderValue("bearer", options.ApiKey);
        headers.Add("X-Odoo-Database", options.Database);
    }

    private OdooException Refusal(OdooAnswer answer, string path, OdooSearch search)
    {
        var said = answer.Json() is JsonObject error && OdooTransport.Text(error["message"]) is { } message ? transport.Safe(message) : "no message";
        var status = $"{(int)answer.Status}";
        return answer.Status switch
        {
            HttpStatusCode.Unauthorized => new OdooException(OdooFailure.Credentials,
                $"Odoo refused the API key ({status}: {said}): keys expire (at most three months in Odoo 19), so create a new one for '{options.User}' and set ApiKey."),
            HttpStatusCode.Forbidden => new OdooException(OdooFailure.Configuration,
                $"Odoo's user '{options.User}' may not read {search.Model} records ({status}): {said} Give the user the rights listed in the erp plugin's README."),
            HttpStatusCode.NotFound => new OdooException(OdooFailure.Configuration,
                $"Odoo answered {status} to /{path}: JSON-2 needs Odoo 19 or later (set Protocol to jsonrpc for older ones), Database must be right, and the app providing {search.Model} must be installed."),
            HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity => new OdooException(OdooFailure.BadRequest,
                $"Odoo rejected an argument of {search.What} ({status}): {said}"),
            _ => transport.Refusal(answer, path, search.What),
        };
    }
}

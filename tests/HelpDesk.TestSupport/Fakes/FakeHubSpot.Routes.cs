using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace HelpDesk.TestSupport.Fakes;

public sealed partial class FakeHubSpot
{
    private static readonly string[] ContactDefaults = ["createdate", "hs_object_id", "lastmodifieddate"];
    private static readonly string[] CompanyDefaults = ["createdate", "hs_lastmodifieddate", "hs_object_id"];
    private static readonly string[] ContactDefaultRequest = ["firstname", "lastname", "email"];
    private static readonly string[] CompanyDefaultRequest = ["name", "domain"];

    // HubSpot's built-in contact properties a filter may name even when no contact has a value for them.
    private static readonly HashSet<string> StandardContactProperties = new(StringComparer.Ordinal)
    {
        "firstname", "lastname", "email", "company", "phone", "lifecyclestage", "hs_language", "hs_timezone",
        "hubspot_owner_id", "createdate", "lastmodifieddate", "hs_object_id",
    };

    // ASP0016 mistakes the work functions passed to Handle for request delegates; Handle writes their results.
#pragma warning disable ASP0016
    private void Map(WebApplication app)
    {
        app.MapPost("/crm/v3/objects/contacts/search", (RequestDelegate)(c => Handle(c, HubSpotRoute.SearchContacts, body => Search(c, body))));
        app.MapGet("/crm/v4/objects/contacts/{id}/associations/companies", (RequestDelegate)(c => Handle(c, HubSpotRoute.ContactCompanies, _ => CompaniesOf(Id(c)))));
        app.MapGet("/crm/v3/objects/contacts/{id}", (RequestDelegate)(c => Handle(c, HubSpotRoute.GetContact, _ => GetContact(c))));
        app.MapGet("/crm/v3/objects/companies/{id}", (RequestDelegate)(c => Handle(c, HubSpotRoute.GetCompany, _ => GetCompany(c))));
        app.MapFallback((RequestDelegate)(c => Handle(c, null, _ => FixtureResult(404, "error-404.json"))));
    }
#pragma warning restore ASP0016

    private static string Id(HttpContext context) => (string)context.Request.RouteValues["id"]!;

    private IResult Search(HttpContext context, string? text)
    {
        if (context.Request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) != true)
        {
            return Error(415, "Content-Type must be application/json.");
        }

        if (Parse(text) is not { } body)
        {
            return Error(400, "Invalid input JSON on line 1.");
        }

        var groups = (body["filterGroups"] as JsonArray ?? []).Select(g => (g?["filters"] as JsonArray ?? []).Select(Filter).ToList()).ToList();
        lock (_gate)
        {
            foreach (var filter in groups.SelectMany(g => g))
            {
                if (filter.Operator != "EQ")
                {
                    return Error(400, $"The fake supports only the EQ operator, not '{filter.Operator}'.");
                }

                if (!StandardContactProperties.Contains(filter.Property) && !_contacts.Exists(c => c.Properties.ContainsKey(filter.Property)))
                {
                    return UnknownProperty(filter.Property);
                }
            }

            // Filters in a group are ANDed, groups ORed; EQ on text compares without case, as HubSpot does for email.
            var matches = _contacts
                .Where(c => groups.Count == 0 || groups.Exists(g => g.TrueForAll(f => string.Equals(c.Properties.GetValueOrDefault(f.Property), f.Value, StringComparison.OrdinalIgnoreCase))))
                .ToList();
            var after = int.TryParse((string?)body["after"], NumberStyles.None, CultureInfo.InvariantCulture, out var skip) ? skip : 0;
            var limit = Math.Clamp(body["limit"] is JsonValue l && l.TryGetValue<int>(out var n) ? n : 10, 1, 200);
            var requested = (body["properties"] as JsonArray)?.Select(p => (string?)p).OfType<string>().ToList() ?? [.. ContactDefaultRequest];
            var answer = new JsonObject
            {
                ["total"] = matches.Count,
                ["results"] = new JsonArray([.. matches.Skip(after).Take(limit).Select(c => (JsonNode)c.Json(requested, ContactDefaults, nullWhenMissing: true))]),
            };
            if (after + limit < matches.Count)
            {
                answer["paging"] = new JsonObject { ["next"] = new JsonObject { ["after"] = (after + limit).ToString(CultureInfo.InvariantCulture) } };
            }

            return Results.Json(answer);
        }
    }

    private IResult CompaniesOf(string contactId)
    {
        lock (_gate)
        {
            if (!_contacts.Exists(c => c.Id == contactId))
            {
                return FixtureResult(404, "error-404.json");
            }

            var results = _associations.Where(a => a.ContactId == contactId).Select(a => (JsonNode)new JsonObject
            {
                ["toObjectId"] = long.Parse(a.CompanyId, CultureInfo.InvariantCulture),
                ["associationTypes"] = a.Primary
                    ? new JsonArray(AssociationType(1, a.Label), AssociationType(279, null))
                    : new JsonArray(AssociationType(279, a.Label)),
            });
            return Results.Json(new JsonObject { ["results"] = new JsonArray([.. results]) });
        }
    }

    private IResult GetContact(HttpContext context)
    {
        lock (_gate)
        {
            if (_contacts.Find(c => c.Id == Id(context)) is not { } contact)
            {
                return FixtureResult(404, "error-404.json");
            }

            var json = contact.Json(Requested(context.Request, ContactDefaultRequest), ContactDefaults, nullWhenMissing: true);
            var associated = _associations.Where(a => a.ContactId == contact.Id).ToList();
            if (context.Request.Query["associations"].ToString().Split(',').Contains("companies") && associated.Count > 0)
            {
                // v3 marks the primary company with contact_to_company, and lists every company again as unlabeled.
                var results = associated.SelectMany(a => a.Primary
                    ? new[] { V3Association(a.CompanyId, "contact_to_company"), V3Association(a.CompanyId, "contact_to_company_unlabeled") }
                    : [V3Association(a.CompanyId, "contact_to_company_unlabeled")]);
                json["associations"] = new JsonObject { ["companies"] = new JsonObject { ["results"] = new JsonArray([.. results]) } };
            }

            return Results.Json(json);
        }
    }

    private IResult GetCompany(HttpContext context)
    {
        lock (_gate)
        {
            return _companies.TryGetValue(Id(context), out var company)
                ? Results.Json(company.Json(Requested(context.Request, CompanyDefaultRequest), CompanyDefaults, nullWhenMissing: false))
                : FixtureResult(404, "error-404.json");
        }
    }

    // ?properties=a,b and ?properties=a&properties=b are both accepted, as HubSpot does.
    private static List<string> Requested(HttpRequest request, string[] fallback)
    {
        var names = request.Query["properties"].SelectMany(v => (v ?? "").Split(',')).Select(n => n.Trim()).Where(n => n.Length > 0).ToList();
        return names.Count > 0 ? names : [.. fallback];
    }

    private static (string Property, string Operator, string? Value) Filter(JsonNode? filter) =>
        ((string?)filter?["propertyName"] ?? "", (string?)filter?["operator"] ?? "", (string?)filter?["value"]);

    private static JsonObject AssociationType(int typeId, string? label) =>
        new() { ["category"] = "HUBSPOT_DEFINED", ["typeId"] = typeId, ["label"] = label };

    private static JsonObject V3Association(string companyId, string type) => new() { ["id"] = companyId, ["type"] = type };

    private static IResult UnknownProperty(string property)
    {
        var error = Fixture("error-400-validation.json");
        error["errors"] = new JsonArray(new JsonObject
        {
            ["message"] = $"Property '{property}' does not exist",
            ["code"] = "PROPERTY_DOESNT_EXIST",
            ["context"] = new JsonObject { ["propertyName"] = new JsonArray(property) },
        });
        return Results.Json(error, statusCode: 400);
    }

    private static IResult Error(int status, string message) => Results.Json(
        new JsonObject { ["status"] = "error", ["message"] = message, ["correlationId"] = Guid.NewGuid().ToString(), ["category"] = "VALIDATION_ERROR" },
        statusCode: status);

    private static JsonObject? Parse(string? text)
    {
        try
        {
            return text is null ? null : JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

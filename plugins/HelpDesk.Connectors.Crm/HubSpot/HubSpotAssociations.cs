using System.Globalization;
using System.Text.Json.Nodes;

namespace HelpDesk.Connectors.Crm.HubSpot;

/// <summary>Reads HubSpot's v4 association answers, where ids are numbers, not strings as in v3.</summary>
internal static class HubSpotAssociations
{
    /// <summary>HubSpot-defined association type of a contact's primary company; 279 is a plain contact-to-company link.</summary>
    public const int PrimaryCompanyTypeId = 1;

    /// <summary>
    /// The primary company's id, by type id alone (HubSpot has renamed the labels before). A contact with exactly one
    /// company and no primary mark has that one; with several and no primary none is guessed.
    /// </summary>
    public static string? PrimaryCompanyId(JsonObject answer)
    {
        var results = (answer["results"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        var primary = results.Find(r => (r["associationTypes"] as JsonArray ?? []).Any(t => Number(t?["typeId"]) == PrimaryCompanyTypeId));
        return Id((primary ?? (results.Count == 1 ? results[0] : null))?["toObjectId"]);
    }

    private static long? Number(JsonNode? node) => node is JsonValue value && value.TryGetValue<long>(out var number) ? number : null;

    private static string? Id(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text)
        ? text
        : Number(node)?.ToString(CultureInfo.InvariantCulture);
}

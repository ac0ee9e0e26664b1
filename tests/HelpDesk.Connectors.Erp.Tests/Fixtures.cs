using System.Text.Json.Nodes;
using HelpDesk.TestSupport;

namespace HelpDesk.Connectors.Erp.Tests;

/// <summary>The contract's Odoo fixtures (<c>shared/contracts/fixtures/odoo-erp</c>) as JSON.</summary>
internal static class Fixtures
{
    public static JsonNode Json(string file) => JsonNode.Parse(ContractFixtures.Bytes("odoo-erp", file))!;

    public static JsonObject Rows(string file, int index) => (JsonObject)Json(file)["result"]![index]!;

    /// <summary>A JSON-RPC body without its <c>id</c>, which only numbers requests.</summary>
    public static JsonNode WithoutId(JsonNode body)
    {
        var copy = body.DeepClone();
        copy.AsObject().Remove("id");
        return copy;
    }
}

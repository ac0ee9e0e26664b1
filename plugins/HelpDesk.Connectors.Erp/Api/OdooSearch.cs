using System.Text.Json.Nodes;

namespace HelpDesk.Connectors.Erp.Api;

/// <summary>One <c>search_read</c>: the same arguments in both protocols, positional in JSON-RPC and named in JSON-2.</summary>
/// <param name="Domain">A list of <c>[field, operator, value]</c> triples; each request sends a copy, since a JSON node has one parent.</param>
internal sealed record OdooSearch(string Model, JsonArray Domain, IReadOnlyList<string> Fields, int Limit, string? Order = null)
{
    public string What => $"{Model}.search_read";

    public JsonArray FieldList() => [.. Fields.Select(f => (JsonNode)f)];
}

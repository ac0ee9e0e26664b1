using System.Globalization;
using System.Text.Json.Nodes;

namespace HelpDesk.TestSupport.Fakes;

public sealed partial class FakeHubSpot
{
    /// <summary>A contact or company as HubSpot holds it: string ids, every property a string or null.</summary>
    private sealed class StoredRecord(string id, Dictionary<string, string?> properties, string createdAt, string updatedAt)
    {
        public string Id { get; } = id;

        public Dictionary<string, string?> Properties { get; } = properties;

        public string CreatedAt { get; } = createdAt;

        public string UpdatedAt { get; } = updatedAt;

        public static StoredRecord New(string id, Dictionary<string, string?> properties, string modifiedProperty)
        {
            var now = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
            properties["createdate"] = now;
            properties[modifiedProperty] = now;
            return new StoredRecord(id, properties, now, now);
        }

        public static StoredRecord From(JsonObject fixture) => new(
            (string)fixture["id"]!,
            ((JsonObject)fixture["properties"]!).ToDictionary(p => p.Key, p => (string?)p.Value),
            (string)fixture["createdAt"]!,
            (string)fixture["updatedAt"]!);

        /// <summary>
        /// The record's JSON with the requested properties plus HubSpot's defaults, sorted as HubSpot sorts them.
        /// <paramref name="nullWhenMissing"/>: contacts answer null for a requested property without a value; companies
        /// leave out one the account does not have (a custom <c>support_tier</c> never created).
        /// </summary>
        public JsonObject Json(IEnumerable<string> requested, IEnumerable<string> defaults, bool nullWhenMissing)
        {
            var properties = new JsonObject();
            foreach (var name in requested.Concat(defaults).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                if (Properties.TryGetValue(name, out var value) || nullWhenMissing)
                {
                    properties[name] = value;
                }
            }

            return new JsonObject
            {
                ["id"] = Id,
                ["properties"] = properties,
                ["createdAt"] = CreatedAt,
                ["updatedAt"] = UpdatedAt,
                ["archived"] = false,
            };
        }
    }
}

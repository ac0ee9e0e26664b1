using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace HelpDesk.TestSupport.Fakes;

public sealed partial class FakeOdoo
{
    // search_read with the operators the connector uses (=, !=, =ilike, in, child_of) under an implicit AND; the
    // caller holds _gate.
    private JsonArray SearchRead(string model, JsonNode? domain, JsonObject keywords)
    {
        var rows = _tables[model].Where(row => Matches(model, row, domain));
        var ordered = Order(rows, Str(keywords["order"]));
        var offset = keywords["offset"]?.GetValueKind() == JsonValueKind.Number ? (int)keywords["offset"]! : 0;
        var limited = ordered.Skip(offset);
        if (keywords["limit"]?.GetValueKind() == JsonValueKind.Number)
        {
            limited = limited.Take((int)keywords["limit"]!);
        }

        var fields = (keywords["fields"] as JsonArray ?? []).Select(f => Str(f) ?? "").ToList();
        return [.. limited.Select(row => (JsonNode)Project(model, row, fields))];
    }

    private bool Matches(string model, JsonObject row, JsonNode? domain)
    {
        foreach (var leaf in domain as JsonArray ?? [])
        {
            if (leaf is not JsonArray { Count: 3 } triple || Str(triple[0]) is not { } field || Str(triple[1]) is not { } op)
            {
                throw new OdooError("builtins.ValueError", $"Invalid leaf {leaf?.ToJsonString()} (the fake knows only [field, operator, value] under an implicit AND)");
            }

            if (!row.ContainsKey(field))
            {
                throw new OdooError("builtins.ValueError", $"Invalid field {model}.{field} in leaf {triple.ToJsonString()}");
            }

            var value = triple[2];
            var matched = op switch
            {
                "=" => JsonNode.DeepEquals(Scalar(row[field]), Scalar(value)),
                "!=" => !JsonNode.DeepEquals(Scalar(row[field]), Scalar(value)),
                "=ilike" => Str(row[field]) is { } text && Str(value) is { } pattern && Like(text, pattern),
                "in" => value is JsonArray list && list.Any(v => JsonNode.DeepEquals(Scalar(row[field]), Scalar(v))),
                "child_of" => Scalar(row[field]) is JsonValue id && id.GetValueKind() == JsonValueKind.Number && IsUnder((int)id, value),
                _ => throw new OdooError("builtins.ValueError", $"Invalid domain operator '{op}' (the fake knows =, !=, =ilike, in, child_of)"),
            };
            if (!matched)
            {
                return false;
            }
        }

        return true;
    }

    // child_of: the partner itself or any partner below it through parent_id.
    private bool IsUnder(int partnerId, JsonNode? roots)
    {
        var ancestors = roots is JsonArray list ? list.Select(r => (int)r!).ToHashSet() : [(int)roots!];
        for (var current = _tables["res.partner"].Find(p => (int)p["id"]! == partnerId); current is not null;)
        {
            var id = (int)current["id"]!;
            if (ancestors.Contains(id))
            {
                return true;
            }

            current = current["parent_id"] is JsonArray parent ? _tables["res.partner"].Find(p => (int)p["id"]! == (int)parent[0]!) : null;
        }

        return false;
    }

    // =ilike: SQL ILIKE, % any run, _ any one character, backslash escapes.
    private static bool Like(string text, string pattern)
    {
        var regex = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            regex.Append(pattern[i] switch
            {
                '\\' when i + 1 < pattern.Length => Regex.Escape(pattern[++i].ToString()),
                '%' => ".*",
                '_' => ".",
                var c => Regex.Escape(c.ToString()),
            });
        }

        return Regex.IsMatch(text, regex.Append('$').ToString(), RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    // A many2one compares as its id.
    private static JsonNode? Scalar(JsonNode? value) => value is JsonArray { Count: 2 } many2One ? many2One[0] : value;

    private static IEnumerable<JsonObject> Order(IEnumerable<JsonObject> rows, string? order)
    {
        var sorted = rows.OrderBy(_ => 0);
        foreach (var term in (order ?? "id").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = term.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var field = parts[0];
            var descending = parts.Length > 1 && parts[1].Equals("desc", StringComparison.OrdinalIgnoreCase);
            sorted = descending ? sorted.ThenByDescending(r => r[field], ValueOrder.Instance) : sorted.ThenBy(r => r[field], ValueOrder.Instance);
        }

        return sorted.ThenBy(r => (int)r["id"]!);
    }

    private static JsonObject Project(string model, JsonObject row, List<string> fields)
    {
        var projected = new JsonObject { ["id"] = row["id"]!.DeepClone() };
        foreach (var field in fields.Count == 0 ? row.Select(f => f.Key) : fields)
        {
            projected[field] = row.TryGetPropertyValue(field, out var value)
                ? value?.DeepClone()
                : throw new OdooError("builtins.ValueError", $"Invalid field '{field}' on model '{model}'");
        }

        return projected;
    }

    /// <summary>Odoo's sort on the fake's values: false first, numbers by value, text (dates included) ordinally.</summary>
    private sealed class ValueOrder : IComparer<JsonNode?>
    {
        public static readonly ValueOrder Instance = new();

        public int Compare(JsonNode? x, JsonNode? y) => (Scalar(x), Scalar(y)) switch
        {
            (JsonValue a, JsonValue b) when a.GetValueKind() == JsonValueKind.Number && b.GetValueKind() == JsonValueKind.Number =>
                Number(a).CompareTo(Number(b)),
            (JsonValue a, JsonValue b) when Str(a) is { } left && Str(b) is { } right => string.CompareOrdinal(left, right),
            var (a, b) => Rank(a).CompareTo(Rank(b)),
        };

        // The fake's own values are typed (int, double) and the client's are parsed: their JSON text is what both share.
        private static decimal Number(JsonValue value) => decimal.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);

        private static int Rank(JsonNode? value) => value?.GetValueKind() switch
        {
            null or JsonValueKind.False or JsonValueKind.Null => 0,
            _ => 1,
        };
    }
}

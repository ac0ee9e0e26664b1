using System.Text.Json;
using HelpDesk.Core.Storage;
using HelpDesk.Domain.Rules;

namespace HelpDesk.Core.Rules;

/// <summary>
/// Rules as stored, in evaluation order. Reads for evaluation go through a short-lived cache: every ticket event looks
/// at the rules, which change rarely; a saved rule is seen at once on this silo and within the cache's life elsewhere.
/// </summary>
public sealed class RulesStore(Database database, TimeProvider time)
{
    public static readonly JsonSerializerOptions Json = SettingsJson.Options;

    private static readonly TimeSpan CacheLife = TimeSpan.FromSeconds(5);
    private (IReadOnlyList<Rule> Rules, DateTimeOffset Until)? _cache;

    /// <summary>Saves a rule (replacing one with its id); true when it is new.</summary>
    public async Task<bool> SaveAsync(Rule rule, CancellationToken cancellationToken)
    {
        var existed = await GetAsync(rule.Id, cancellationToken) is not null;
        await database.ExecuteAsync(
            """
            INSERT INTO rules (id, position, on_trigger, enabled, data, updated_at) VALUES (@id, @position, @trigger, @enabled, @data, @at)
            ON CONFLICT (id) DO UPDATE SET position = excluded.position, on_trigger = excluded.on_trigger, enabled = excluded.enabled, data = excluded.data, updated_at = excluded.updated_at
            """,
            c => c.With("@id", rule.Id).With("@position", rule.Position).With("@trigger", Names.Of(rule.Trigger)).With("@enabled", rule.Enabled ? 1 : 0)
                .With("@data", JsonSerializer.Serialize(rule, Json)).With("@at", UnixTime.ToMs(time.GetUtcNow())),
            cancellationToken);

        _cache = null;
        return !existed;
    }

    public async Task<Rule?> GetAsync(string id, CancellationToken cancellationToken) =>
        await database.QueryAsync("SELECT data FROM rules WHERE id = @id", c => c.With("@id", id), Read, cancellationToken) is [var rule, ..] ? rule : null;

    public Task<IReadOnlyList<Rule>> ListAsync(CancellationToken cancellationToken) =>
        database.QueryAsync("SELECT data FROM rules ORDER BY position, id", _ => { }, Read, cancellationToken);

    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        _cache = null;
        return await database.DeleteByIdAsync("rules", id, cancellationToken);
    }

    /// <summary>The enabled rules for a trigger, in evaluation order.</summary>
    public async Task<IReadOnlyList<Rule>> EnabledAsync(RuleTrigger trigger, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_cache is not { } cache || cache.Until <= now)
        {
            var rules = await database.QueryAsync("SELECT data FROM rules WHERE enabled = 1 ORDER BY position, id", _ => { }, Read, cancellationToken);
            _cache = cache = (rules, now + CacheLife);
        }

        return [.. cache.Rules.Where(r => r.Trigger == trigger)];
    }

    private static Rule Read(System.Data.Common.DbDataReader reader) => JsonSerializer.Deserialize<Rule>(reader.GetString(0), Json)!;
}

using System.Text.Json;
using System.Text.Json.Serialization;
using HelpDesk.Core.Storage;
using HelpDesk.Domain.Sla;

namespace HelpDesk.Core.Sla;

/// <summary>Business calendars and SLA policies as stored (JSON documents), and the tickets the SLA watch must look at.</summary>
public sealed class SlaStore(Database database, TimeProvider time)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private static readonly TimeSpan CacheLife = TimeSpan.FromSeconds(5);
    private (IReadOnlyList<SlaPolicy> Policies, IReadOnlyDictionary<string, BusinessCalendar> Calendars, DateTimeOffset Until)? _cache;

    public async Task<bool> SaveCalendarAsync(BusinessCalendar calendar, CancellationToken cancellationToken)
    {
        var existed = await GetCalendarAsync(calendar.Id, cancellationToken) is not null;
        await ExecuteAsync(
            "INSERT INTO calendars (id, data, updated_at) VALUES (@id, @data, @at) ON CONFLICT (id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at",
            c => c.With("@id", calendar.Id).With("@data", JsonSerializer.Serialize(calendar, Json)).With("@at", UnixTime.ToMs(time.GetUtcNow())),
            cancellationToken);
        return !existed;
    }

    public async Task<BusinessCalendar?> GetCalendarAsync(string id, CancellationToken cancellationToken) =>
        await database.QueryAsync("SELECT data FROM calendars WHERE id = @id", c => c.With("@id", id), ReadCalendar, cancellationToken) is [var calendar, ..] ? calendar : null;

    public Task<IReadOnlyList<BusinessCalendar>> ListCalendarsAsync(CancellationToken cancellationToken) =>
        database.QueryAsync("SELECT data FROM calendars ORDER BY id", _ => { }, ReadCalendar, cancellationToken);

    public Task<bool> DeleteCalendarAsync(string id, CancellationToken cancellationToken) => DeleteAsync("calendars", id, cancellationToken);

    /// <summary>Saves a policy with a new revision, so tickets it applies to take the change; true when it is new.</summary>
    public async Task<(bool Created, SlaPolicy Saved)> SavePolicyAsync(SlaPolicy policy, CancellationToken cancellationToken)
    {
        var existed = await GetPolicyAsync(policy.Id, cancellationToken) is not null;
        var saved = policy with { Revision = Guid.CreateVersion7().ToString("N") };
        await ExecuteAsync(
            "INSERT INTO sla_policies (id, position, data, updated_at) VALUES (@id, @position, @data, @at) ON CONFLICT (id) DO UPDATE SET position = excluded.position, data = excluded.data, updated_at = excluded.updated_at",
            c => c.With("@id", saved.Id).With("@position", saved.Position).With("@data", JsonSerializer.Serialize(saved, Json)).With("@at", UnixTime.ToMs(time.GetUtcNow())),
            cancellationToken);
        return (!existed, saved);
    }

    public async Task<SlaPolicy?> GetPolicyAsync(string id, CancellationToken cancellationToken) =>
        await database.QueryAsync("SELECT data FROM sla_policies WHERE id = @id", c => c.With("@id", id), ReadPolicy, cancellationToken) is [var policy, ..] ? policy : null;

    public Task<IReadOnlyList<SlaPolicy>> ListPoliciesAsync(CancellationToken cancellationToken) =>
        database.QueryAsync("SELECT data FROM sla_policies ORDER BY position, id", _ => { }, ReadPolicy, cancellationToken);

    public Task<bool> DeletePolicyAsync(string id, CancellationToken cancellationToken) => DeleteAsync("sla_policies", id, cancellationToken);

    /// <summary>Policies in order and the calendars they name, for matching every ticket event; cached a few seconds.</summary>
    public async Task<(IReadOnlyList<SlaPolicy> Policies, IReadOnlyDictionary<string, BusinessCalendar> Calendars)> CurrentAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_cache is not { } cache || cache.Until <= now)
        {
            var calendars = (await ListCalendarsAsync(cancellationToken)).ToDictionary(c => c.Id, StringComparer.Ordinal);
            _cache = cache = (await ListPoliciesAsync(cancellationToken), calendars, now + CacheLife);
        }

        return (cache.Policies, cache.Calendars);
    }

    /// <summary>Tickets with a warning or breach due by <paramref name="now"/> and not recorded yet, earliest first (an index range).</summary>
    public Task<IReadOnlyList<long>> DueForCheckAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        database.QueryAsync(
            "SELECT number FROM tickets WHERE sla_next_check <= @now ORDER BY sla_next_check LIMIT @limit",
            c => c.With("@now", UnixTime.ToMs(now)).With("@limit", limit),
            r => r.GetInt64(0),
            cancellationToken);

    private static BusinessCalendar ReadCalendar(System.Data.Common.DbDataReader reader) => JsonSerializer.Deserialize<BusinessCalendar>(reader.GetString(0), Json)!;

    private static SlaPolicy ReadPolicy(System.Data.Common.DbDataReader reader) => JsonSerializer.Deserialize<SlaPolicy>(reader.GetString(0), Json)!;

    private async Task<bool> DeleteAsync(string table, string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command($"DELETE FROM {table} WHERE id = @id").With("@id", id);
        _cache = null;
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private async Task ExecuteAsync(string sql, Action<System.Data.Common.DbCommand> bind, CancellationToken cancellationToken)
    {
        await using (var connection = await database.OpenAsync(cancellationToken))
        await using (var command = connection.Command(sql))
        {
            bind(command);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        _cache = null;
    }
}

using System.Text.Json;
using HelpDesk.Core.Storage;
using HelpDesk.Domain.Sla;

namespace HelpDesk.Core.Sla;

/// <summary>Business calendars and SLA policies as stored (JSON documents), and the tickets the SLA watch must look at.</summary>
public sealed class SlaStore(Database database, TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = SettingsJson.Options;
    private readonly DocumentTable<BusinessCalendar> _calendars = new(database, time, "calendars", SettingsJson.Options);

    private static readonly TimeSpan CacheLife = TimeSpan.FromSeconds(5);
    private (IReadOnlyList<SlaPolicy> Policies, IReadOnlyDictionary<string, BusinessCalendar> Calendars, DateTimeOffset Until)? _cache;

    public async Task<bool> SaveCalendarAsync(BusinessCalendar calendar, CancellationToken cancellationToken)
    {
        _cache = null;
        return await _calendars.SaveAsync(calendar.Id, calendar, cancellationToken);
    }

    public Task<BusinessCalendar?> GetCalendarAsync(string id, CancellationToken cancellationToken) => _calendars.GetAsync(id, cancellationToken);

    public Task<IReadOnlyList<BusinessCalendar>> ListCalendarsAsync(CancellationToken cancellationToken) => _calendars.ListAsync(cancellationToken);

    public async Task<bool> DeleteCalendarAsync(string id, CancellationToken cancellationToken)
    {
        _cache = null;
        return await _calendars.DeleteAsync(id, cancellationToken);
    }

    /// <summary>Saves a policy with a new revision, so tickets it applies to take the change; true when it is new.</summary>
    public async Task<(bool Created, SlaPolicy Saved)> SavePolicyAsync(SlaPolicy policy, CancellationToken cancellationToken)
    {
        var existed = await GetPolicyAsync(policy.Id, cancellationToken) is not null;
        var saved = policy with { Revision = Guid.CreateVersion7().ToString("N") };
        _cache = null;
        await database.ExecuteAsync(
            "INSERT INTO sla_policies (id, position, data, updated_at) VALUES (@id, @position, @data, @at) ON CONFLICT (id) DO UPDATE SET position = excluded.position, data = excluded.data, updated_at = excluded.updated_at",
            c => c.With("@id", saved.Id).With("@position", saved.Position).With("@data", JsonSerializer.Serialize(saved, Json)).With("@at", UnixTime.ToMs(time.GetUtcNow())),
            cancellationToken);
        return (!existed, saved);
    }

    public async Task<SlaPolicy?> GetPolicyAsync(string id, CancellationToken cancellationToken) =>
        await database.QueryAsync("SELECT data FROM sla_policies WHERE id = @id", c => c.With("@id", id), ReadPolicy, cancellationToken) is [var policy, ..] ? policy : null;

    public Task<IReadOnlyList<SlaPolicy>> ListPoliciesAsync(CancellationToken cancellationToken) =>
        database.QueryAsync("SELECT data FROM sla_policies ORDER BY position, id", _ => { }, ReadPolicy, cancellationToken);

    public async Task<bool> DeletePolicyAsync(string id, CancellationToken cancellationToken)
    {
        _cache = null;
        return await database.DeleteByIdAsync("sla_policies", id, cancellationToken);
    }

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

    private static SlaPolicy ReadPolicy(System.Data.Common.DbDataReader reader) => JsonSerializer.Deserialize<SlaPolicy>(reader.GetString(0), Json)!;
}

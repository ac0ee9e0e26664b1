using HelpDesk.Core.Storage;

namespace HelpDesk.Core.Reports;

/// <summary>The schedules, as JSON documents (<c>report_schedules</c>).</summary>
public sealed class ReportSchedules(Database database, TimeProvider time)
{
    private readonly DocumentTable<ReportSchedule> _table = new(database, time, "report_schedules", SettingsJson.Options);

    public Task<bool> SaveAsync(ReportSchedule schedule, CancellationToken cancellationToken) => _table.SaveAsync(schedule.Id, schedule, cancellationToken);

    public Task<ReportSchedule?> GetAsync(string id, CancellationToken cancellationToken) => _table.GetAsync(id, cancellationToken);

    public Task<IReadOnlyList<ReportSchedule>> ListAsync(CancellationToken cancellationToken) => _table.ListAsync(cancellationToken);

    public Task<bool> DeleteAsync(string id, CancellationToken cancellationToken) => _table.DeleteAsync(id, cancellationToken);
}

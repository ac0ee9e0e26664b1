using HelpDesk.Domain.Alerts;
using HelpDesk.Domain.Tickets;

namespace HelpDesk.Core.Alerts;

/// <summary>One monitoring alert, keyed by <see cref="AlertKeys.Of"/>: the single writer of its record, so reports never race.</summary>
public interface IAlertGrain : IGrainWithStringKey
{
    Task<AlertResult> Report(ReportAlert report, Actor actor);

    /// <summary>Ends a quiet alert's flapping, so its ticket shows (and acts on) its last state.</summary>
    Task Settle(Actor actor);
}

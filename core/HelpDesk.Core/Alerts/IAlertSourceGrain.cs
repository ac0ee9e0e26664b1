using HelpDesk.Domain.Alerts;
using HelpDesk.Domain.Tickets;

namespace HelpDesk.Core.Alerts;

/// <summary>One monitoring source, keyed by its name: counts its new alerts and keeps its storm incident.</summary>
public interface IAlertSourceGrain : IGrainWithStringKey
{
    /// <summary>Null when the new alert may open its own ticket; otherwise the storm incident it joins.</summary>
    Task<long?> Admit(ReportAlert report, Actor actor);
}

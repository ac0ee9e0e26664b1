using HelpDesk.Domain.Tickets;

namespace HelpDesk.Domain.Alerts;

/// <summary>How the hub turns alerts into tickets; configured under <c>HelpDesk:Alerts</c>.</summary>
public sealed record AlertPolicy
{
    public IReadOnlyDictionary<AlertSeverity, Priority> SeverityPriorities { get; init; } = new Dictionary<AlertSeverity, Priority>
    {
        [AlertSeverity.Critical] = Priority.Urgent,
        [AlertSeverity.Error] = Priority.High,
        [AlertSeverity.Warning] = Priority.Normal,
        [AlertSeverity.Info] = Priority.Low,
    };

    /// <summary>Labels naming the owning team or service, in order of preference: the first one present is the ticket's queue.</summary>
    public IReadOnlyList<string> QueueLabels { get; init; } = ["team", "service"];

    /// <summary>Whether a ticket whose alerts are all resolved moves to solved (a note is added either way).</summary>
    public bool SolveOnResolve { get; init; } = true;

    /// <summary>A firing this soon after the resolution reopens the same ticket; later, it opens a new one.</summary>
    public TimeSpan ReopenWindow { get; init; } = TimeSpan.FromHours(1);

    /// <summary>This many firing/resolved changes within <see cref="FlapWindow"/> mark the alert flapping.</summary>
    public int FlapThreshold { get; init; } = 5;

    public TimeSpan FlapWindow { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>More new alerts than this from one source within <see cref="StormWindow"/> are grouped into one storm incident.</summary>
    public int StormThreshold { get; init; } = 20;

    public TimeSpan StormWindow { get; init; } = TimeSpan.FromMinutes(1);

    public Priority PriorityOf(AlertSeverity severity) =>
        SeverityPriorities.TryGetValue(severity, out var priority) ? priority : Priority.Normal;

    public string? QueueOf(IReadOnlyDictionary<string, string> labels) =>
        QueueLabels.Select(label => labels.TryGetValue(label, out var value) ? value.Trim() : null)
            .FirstOrDefault(value => !string.IsNullOrEmpty(value));
}

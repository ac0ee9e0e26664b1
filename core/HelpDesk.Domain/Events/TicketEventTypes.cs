using System.Collections.Frozen;

namespace HelpDesk.Domain.Events;

/// <summary>
/// The stable name of each event type as stored. A name, once shipped, is never reused or renamed:
/// a new shape of an event gets a new name and the old type stays readable.
/// </summary>
public static class TicketEventTypes
{
    private static readonly FrozenDictionary<string, Type> ByName = new Dictionary<string, Type>
    {
        ["ticket-opened"] = typeof(TicketOpened),
        ["customer-replied"] = typeof(CustomerReplied),
        ["agent-replied"] = typeof(AgentReplied),
        ["internal-note-added"] = typeof(InternalNoteAdded),
        ["status-changed"] = typeof(StatusChanged),
        ["priority-changed"] = typeof(PriorityChanged),
        ["assigned"] = typeof(Assigned),
        ["tags-changed"] = typeof(TagsChanged),
        ["fields-changed"] = typeof(FieldsChanged),
        ["external-issue-linked"] = typeof(ExternalIssueLinked),
        ["external-issue-updated"] = typeof(ExternalIssueUpdated),
        ["external-issue-unlinked"] = typeof(ExternalIssueUnlinked),
        ["alert-occurred"] = typeof(AlertOccurred),
        ["alert-status-changed"] = typeof(AlertStatusChanged),
        ["alert-flapping-changed"] = typeof(AlertFlappingChanged),
        ["escalation-requested"] = typeof(EscalationRequested),
        ["escalated"] = typeof(Escalated),
        ["escalation-failed"] = typeof(EscalationFailed),
        ["escalation-comment-added"] = typeof(EscalationCommentAdded),
        ["escalation-comment-delivered"] = typeof(EscalationCommentDelivered),
        ["sla-policy-applied"] = typeof(SlaPolicyApplied),
        ["sla-warning"] = typeof(SlaWarning),
        ["sla-breached"] = typeof(SlaBreached),
        ["satisfaction-rated"] = typeof(SatisfactionRated),
        ["customer-context-updated"] = typeof(CustomerContextUpdated),
        ["meeting-scheduled"] = typeof(MeetingScheduled),
        ["meeting-updated"] = typeof(MeetingUpdated),
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<Type, string> ByType = ByName.ToFrozenDictionary(p => p.Value, p => p.Key);

    public static IEnumerable<string> Names => ByName.Keys;

    public static string NameOf(TicketEvent @event) =>
        ByType.TryGetValue(@event.GetType(), out var name)
            ? name
            : throw new InvalidOperationException($"{@event.GetType().Name} has no stored name in {nameof(TicketEventTypes)}.");

    public static Type TypeOf(string name) =>
        ByName.TryGetValue(name, out var type) ? type : throw new InvalidOperationException($"Unknown ticket event type '{name}'.");
}

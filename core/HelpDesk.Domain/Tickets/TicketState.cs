using System.Text.Json.Serialization;
using HelpDesk.Domain.Alerts;
using HelpDesk.Domain.Escalations;
using HelpDesk.Domain.Events;
using HelpDesk.Domain.Sla;

namespace HelpDesk.Domain.Tickets;

/// <summary>
/// What a ticket is now, derived only by applying its events in order. Mutable because Orleans'
/// JournaledGrain folds events into one instance; nothing outside <see cref="Apply"/> should set it.
/// </summary>
public sealed partial class TicketState
{
    public long Number { get; set; }

    public int Version { get; set; }

    public string Subject { get; set; } = "";

    public string Description { get; set; } = "";

    public Requester? Requester { get; set; }

    public Channel Channel { get; set; }

    public TicketType Type { get; set; }

    public string? Category { get; set; }

    public TicketStatus Status { get; set; }

    public Priority Priority { get; set; }

    public Impact? Impact { get; set; }

    public Urgency? Urgency { get; set; }

    public string? Assignee { get; set; }

    public string? Queue { get; set; }

    public SortedSet<string> Tags { get; set; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, string> Fields { get; set; } = new(StringComparer.Ordinal);

    public string? ExternalId { get; set; }

    public List<ExternalLink> ExternalLinks { get; set; } = [];

    /// <summary>Escalations to trackers, oldest first.</summary>
    public List<TicketEscalation> Escalations { get; set; } = [];

    /// <summary>Ids of escalation notes the tracker took, so a repeated note is not sent twice. Rebuilt from the events.</summary>
    [JsonIgnore]
    public SortedSet<string> EscalationNoteIds { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Monitoring alerts on this ticket: usually one, many on a storm incident.</summary>
    public List<TicketAlert> Alerts { get; set; } = [];

    /// <summary>
    /// The channel ids of the customer messages it holds, so a redelivered message is not added twice. Only the grain's
    /// decisions need it: it is rebuilt from the events, and neither projected nor sent to readers.
    /// </summary>
    [JsonIgnore]
    public SortedSet<string> MessageIds { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Everyone the customer copied on the ticket (email CC), lower-case; they hear what the requester hears.</summary>
    public SortedSet<string> Cc { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The ids of the external updates it recorded, so a redelivered webhook is not recorded twice. Rebuilt from the events, like <see cref="MessageIds"/>.</summary>
    [JsonIgnore]
    public SortedSet<string> ExternalUpdateIds { get; set; } = new(StringComparer.Ordinal);

    public int PublicMessageCount { get; set; }

    public int InternalNoteCount { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? FirstAgentReplyAt { get; set; }

    public DateTimeOffset? SolvedAt { get; set; }

    /// <summary>The version of the latest move to solved, which a satisfaction link names; null before any.</summary>
    public int? SolvedVersion { get; set; }

    /// <summary>The solve the customer last rated, so each solve is rated once.</summary>
    public int? RatedSolvedVersion { get; set; }

    public SatisfactionRating? Satisfaction { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    public bool Exists => Version > 0;

    public void Apply(TicketEvent @event)
    {
        // Before the switch: a reopen is told by the status the ticket leaves.
        CountForReports(@event);
        switch (@event)
        {
            case TicketOpened opened:
                ApplyOpened(opened);
                break;
            case CustomerReplied replied:
                PublicMessageCount++;
                AwaitingReplySince ??= replied.At;
                if (replied.MessageId is { } messageId)
                {
                    MessageIds.Add(messageId);
                }

                Cc.UnionWith(replied.Cc ?? []);

                break;
            case AgentReplied:
                PublicMessageCount++;
                FirstAgentReplyAt ??= @event.At;
                AwaitingReplySince = null;
                break;
            case SlaPolicyApplied or SlaWarning or SlaBreached:
                ApplySla(@event);
                break;
            case CustomerContextUpdated or MeetingScheduled or MeetingUpdated:
                ApplyCustomerOrMeeting(@event);
                break;
            case InternalNoteAdded:
                InternalNoteCount++;
                break;
            case StatusChanged changed:
                ApplyStatus(changed);
                break;
            case SatisfactionRated rated:
                (RatedSolvedVersion, Satisfaction) = (rated.SolvedVersion, rated.Rating);
                break;
            case PriorityChanged changed:
                (Priority, Impact, Urgency) = (changed.To, changed.Impact, changed.Urgency);
                break;
            case Assigned assigned:
                (Assignee, Queue) = (assigned.Assignee, assigned.Queue);
                break;
            case TagsChanged changed:
                Tags.ExceptWith(changed.Removed);
                Tags.UnionWith(changed.Added);
                break;
            case FieldsChanged changed:
                ApplyFields(changed);
                break;
            case ExternalIssueLinked linked:
                ExternalLinks.Add(linked.Link);
                break;
            case ExternalIssueUnlinked unlinked:
                ExternalLinks.RemoveAll(l => l.System == unlinked.System && l.Key == unlinked.Key);
                break;
            case ExternalIssueUpdated updated:
                ApplyExternalUpdate(updated);
                break;
            case EscalationRequested requested:
                Escalations.Add(new TicketEscalation(requested.EscalationId, requested.Target, EscalationState.Requested, requested.At)
                {
                    Project = requested.Project,
                    IssueType = requested.IssueType,
                    Summary = requested.Summary,
                    Note = requested.Note,
                    LinkKey = requested.LinkKey,
                    RequestedBy = requested.Actor.Name ?? requested.Actor.Id,
                });
                break;
            case Escalated escalated:
                UpdateEscalation(escalated.EscalationId, e => e with { State = EscalationState.Done, Key = escalated.Link.Key, Url = escalated.Link.Url, LastError = null });
                if (!ExternalLinks.Exists(l => l.System == escalated.Link.System && l.Key == escalated.Link.Key))
                {
                    ExternalLinks.Add(escalated.Link);
                }

                break;
            case EscalationCommentAdded added:
                UpdateEscalation(added.EscalationId, e => e with { PendingNotes = [.. e.PendingNotes, new EscalationNote(added.CommentId, added.Body, added.Actor.Name ?? added.Actor.Id)] });
                break;
            case EscalationCommentDelivered delivered:
                UpdateEscalation(delivered.EscalationId, e => e with
                {
                    PendingNotes = [.. e.PendingNotes.Where(n => n.Id != delivered.CommentId)],
                    DeliveredNotes = e.DeliveredNotes + 1,
                });
                EscalationNoteIds.Add(delivered.CommentId);
                break;
            case EscalationFailed failed:
                UpdateEscalation(failed.EscalationId, e => e with { State = failed.Final ? EscalationState.Abandoned : EscalationState.Failing, LastError = failed.Reason });
                break;
            case AlertOccurred occurred:
                ApplyAlertOccurred(occurred);
                break;
            case AlertStatusChanged changed:
                UpdateAlert(changed.Source, changed.DedupKey, alert => alert with { Status = changed.Status });
                break;
            case AlertFlappingChanged changed:
                UpdateAlert(changed.Source, changed.DedupKey, alert => alert with { Flapping = changed.Flapping });
                break;
            default:
                throw new InvalidOperationException($"TicketState cannot apply {@event.GetType().Name}.");
        }

        Version++;
        UpdatedAt = @event.At;
    }

    public TicketState Copy()
    {
        var copy = (TicketState)MemberwiseClone();
        copy.Tags = new SortedSet<string>(Tags, StringComparer.Ordinal);
        copy.Fields = new SortedDictionary<string, string>(Fields, StringComparer.Ordinal);
        copy.ExternalLinks = [.. ExternalLinks];
        copy.Alerts = [.. Alerts];
        copy.Escalations = [.. Escalations];
        copy.EscalationNoteIds = new SortedSet<string>(EscalationNoteIds, StringComparer.Ordinal);
        copy.MessageIds = new SortedSet<string>(MessageIds, StringComparer.Ordinal);
        copy.Cc = new SortedSet<string>(Cc, StringComparer.Ordinal);
        copy.ExternalUpdateIds = new SortedSet<string>(ExternalUpdateIds, StringComparer.Ordinal);
        copy.SlaPauses = [.. SlaPauses];
        copy.Meetings = [.. Meetings];
        copy.MeetingUpdateIds = new SortedSet<string>(MeetingUpdateIds, StringComparer.Ordinal);
        copy.SlaTargetsEverApplied = [.. SlaTargetsEverApplied];
        copy.SlaTargetsEverBreached = [.. SlaTargetsEverBreached];
        return copy;
    }

    private void ApplyOpened(TicketOpened opened)
    {
        Number = opened.Number;
        Subject = opened.Subject;
        Description = opened.Description;
        Requester = opened.Requester;
        Cc.UnionWith(opened.Cc ?? []);
        Channel = opened.Channel;
        Type = opened.Type;
        Category = opened.Category;
        Status = TicketStatus.New;
        (Priority, Impact, Urgency) = (opened.Priority, opened.Impact, opened.Urgency);
        Tags = new SortedSet<string>(opened.Tags, StringComparer.Ordinal);
        Fields = new SortedDictionary<string, string>(opened.Fields.ToDictionary(), StringComparer.Ordinal);
        ExternalId = opened.ExternalId;
        CreatedAt = opened.At;
        PublicMessageCount = 1;
    }

    private void ApplyStatus(StatusChanged changed)
    {
        TrackSlaPause(changed);
        Status = changed.To;
        SolvedAt = changed.To == TicketStatus.Solved ? changed.At : changed.To == TicketStatus.Closed ? SolvedAt : null;

        // The version this event gives the ticket (Version counts up once it is applied): what a survey link names.
        SolvedVersion = changed.To == TicketStatus.Solved ? Version + 1 : SolvedVersion;
        ClosedAt = changed.To == TicketStatus.Closed ? changed.At : null;
    }

    private void ApplyExternalUpdate(ExternalIssueUpdated updated)
    {
        if (updated.UpdateId is { } id)
        {
            ExternalUpdateIds.Add(id);
        }

        // Engineering's comments count, and list, as internal notes.
        if (updated.Comment is not null)
        {
            InternalNoteCount++;
        }

        var index = ExternalLinks.FindIndex(l => l.System == updated.System && l.Key == updated.Key);
        if (index >= 0)
        {
            var link = ExternalLinks[index];
            ExternalLinks[index] = link with { Status = updated.Status ?? link.Status, Url = updated.Url ?? link.Url };
        }
    }

    private void ApplyAlertOccurred(AlertOccurred occurred)
    {
        var index = Alerts.FindIndex(a => a.Is(occurred.Source, occurred.DedupKey));
        var firstSeen = index >= 0 ? Alerts[index].FirstSeenAt : occurred.LastSeenAt;
        var alert = new TicketAlert(occurred.Source, occurred.DedupKey, AlertStatus.Firing, occurred.Occurrences, occurred.Severity,
            occurred.Summary, firstSeen, occurred.LastSeenAt, Flapping: index >= 0 && Alerts[index].Flapping);
        if (index >= 0)
        {
            Alerts[index] = alert;
        }
        else
        {
            Alerts.Add(alert);
        }
    }

    private void UpdateEscalation(string id, Func<TicketEscalation, TicketEscalation> change)
    {
        var index = Escalations.FindIndex(e => e.Id == id);
        if (index >= 0)
        {
            Escalations[index] = change(Escalations[index]);
        }
    }

    private void UpdateAlert(string source, string dedupKey, Func<TicketAlert, TicketAlert> change)
    {
        var index = Alerts.FindIndex(a => a.Is(source, dedupKey));
        if (index >= 0)
        {
            Alerts[index] = change(Alerts[index]);
        }
    }

    private void ApplyFields(FieldsChanged changed)
    {
        foreach (var key in changed.Removed)
        {
            Fields.Remove(key);
        }

        foreach (var (key, value) in changed.Set)
        {
            Fields[key] = value;
        }
    }
}

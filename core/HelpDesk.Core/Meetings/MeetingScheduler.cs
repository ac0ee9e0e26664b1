using System.Globalization;
using HelpDesk.Core.Escalations;
using HelpDesk.Core.Plugins.Capabilities;
using HelpDesk.Core.Queries;
using HelpDesk.Core.Tickets;
using HelpDesk.Domain.Commands;
using HelpDesk.Domain.Meetings;
using HelpDesk.Domain.Tickets;
using HelpDesk.Sdk.Capabilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HelpDesk.Core.Meetings;

/// <summary>What scheduling came to: the meeting, or why there is none (a refusal, or the provider's failure).</summary>
public sealed record MeetingOutcome(TicketMeeting? Meeting, Rejection? Rejection = null, CapabilityFailure? Failure = null);

/// <summary>
/// Schedules a meeting for a ticket through a running meeting provider, records it on the ticket
/// (<see cref="Domain.Events.MeetingScheduled"/>) and, when asked, posts the join link to the customer as a public reply.
/// A repeated request (same key) returns the meeting it made without asking the provider again; the provider is also
/// given the key, so a retry after a lost answer makes no second meeting there.
/// </summary>
public sealed class MeetingScheduler(IServiceProvider services, TicketCommands commands, TicketQueries queries, IOptions<EscalationOptions> links, TimeProvider time)
{
    public const int MaxTopic = 200;
    private static readonly TimeSpan DefaultDuration = TimeSpan.FromMinutes(30);

    private PluginCapabilityCatalog Catalog => services.GetRequiredService<PluginCapabilityCatalog>();

    public async Task<MeetingOutcome> ScheduleAsync(long number, MeetingOrder order, string requestKey, Actor agent, CancellationToken cancellationToken)
    {
        if (await queries.GetAsync(number, cancellationToken) is not { } ticket)
        {
            return new MeetingOutcome(null, new Rejection(RejectionKind.NotFound, "number", $"There is no ticket #{number}."));
        }

        if (ticket.Status == TicketStatus.Closed)
        {
            return new MeetingOutcome(null, new Rejection(RejectionKind.Conflict, "number", "The ticket is closed; open a follow-up to meet about it."));
        }

        var now = time.GetUtcNow();
        if (Check(order, ticket, now, out var timeZone) is { } invalid)
        {
            return new MeetingOutcome(null, invalid);
        }

        if (FindProvider(order.Provider) is not { } provider)
        {
            return new MeetingOutcome(null, NoProvider(order.Provider));
        }

        if (ticket.Meetings.Find(m => m.RequestKey == requestKey) is { } known)
        {
            return new MeetingOutcome(known);
        }

        var request = new MeetingRequest(
            number, TicketInput.Blank(order.Topic) ?? Truncate($"#{number}: {ticket.Subject}"), order.StartAt ?? now, timeZone,
            order.DurationMinutes is { } minutes ? TimeSpan.FromMinutes(minutes) : DefaultDuration, $"{number}-{requestKey}")
        {
            Attendees = [new MeetingAttendee(ticket.Requester!.Email, ticket.Requester.Name)],
            Agenda = $"Help desk ticket #{number}: {ticket.Subject}\n{links.Value.TicketUrl(number)}",
        };
        var scheduled = await provider.CallAsync((meetings, token) => meetings.ScheduleMeetingAsync(request, token), cancellationToken);
        if (scheduled.Failure is { } failure || scheduled.Value is not { } answer)
        {
            return new MeetingOutcome(null, Failure: scheduled.Failure ?? new CapabilityFailure(CapabilityFailureKind.Failed, provider.PluginId, "meeting-provider", "The provider answered with no meeting."));
        }

        var meeting = new TicketMeeting(provider.Name, answer.Id, request.Topic, answer.StartsAt, answer.Duration, answer.JoinUrl)
        {
            StartUrl = answer.StartUrl,
            Password = answer.Password,
            RequestKey = requestKey,
        };
        var invitation = order.ShareWithCustomer ? Invitation(order.Message, meeting, timeZone) : null;
        var recorded = await commands.ScheduleMeetingAsync(number, meeting, invitation, agent);
        return recorded.Rejection switch
        {
            null => new MeetingOutcome(recorded.Ticket!.Meetings.Find(m => m.RequestKey == requestKey) ?? meeting),
            // What the provider answered is at fault, not the agent's request.
            { Field: "id" or "joinUrl" or "startUrl" } bad => new MeetingOutcome(
                null, Failure: new CapabilityFailure(CapabilityFailureKind.Failed, provider.PluginId, "meeting-provider", $"The provider's meeting cannot be kept: {bad.Message}")),
            var refused => new MeetingOutcome(null, refused),
        };
    }

    private PluginCapability<IMeetingProvider>? FindProvider(string? name) =>
        name is not null ? Catalog.Find<IMeetingProvider>(name) : Catalog.All<IMeetingProvider>() is [var only] ? only : null;

    private Rejection NoProvider(string? name)
    {
        var running = Catalog.All<IMeetingProvider>().Select(p => p.Name).ToList();
        return new Rejection(RejectionKind.Conflict, "provider", name is not null
            ? $"No running plugin offers a meeting provider named '{name}'; running: {(running.Count > 0 ? string.Join(", ", running) : "none")}."
            : running.Count == 0 ? "No meeting provider is running; install and configure one (the zoom plugin)." : $"Several meeting providers run ({string.Join(", ", running)}); name one.");
    }

    private static Rejection? Check(MeetingOrder order, TicketState ticket, DateTimeOffset now, out string timeZone)
    {
        timeZone = TicketInput.Blank(order.TimeZone) ?? ticket.Requester?.TimeZone ?? ticket.Customer?.TimeZone ?? "UTC";
        if (TicketInput.SingleLine("topic", order.Topic, MaxTopic, required: false) is { } topic)
        {
            return topic;
        }

        if (order.DurationMinutes is < 5 or > 24 * 60)
        {
            return Rejection.Invalid("duration", "A meeting lasts from 5 to 1440 minutes.");
        }

        if (order.StartAt is { } start && (start < now - TimeSpan.FromMinutes(5) || start > now.AddYears(1)))
        {
            return Rejection.Invalid("startAt", "A meeting starts between now and a year from now.");
        }

        if (!TicketInput.IsIanaTimeZone(timeZone))
        {
            return Rejection.Invalid("timeZone", $"'{timeZone}' is not an IANA time zone such as Europe/Berlin.");
        }

        // Room for the join link and passcode the invitation adds, so it never outgrows a reply once the meeting exists.
        return TicketInput.Text("message", order.Message, TicketLimits.Body - 4_096, required: false);
    }

    private static string Invitation(string? message, TicketMeeting meeting, string timeZone)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZone);
        var local = TimeZoneInfo.ConvertTime(meeting.StartsAt, zone);
        var text = TicketInput.Blank(message)
            ?? $"Let's talk it through in a video call: {meeting.Topic}\nWhen: {local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} ({timeZone}), {meeting.Duration.TotalMinutes:0} minutes";
        if (!text.Contains(meeting.JoinUrl, StringComparison.Ordinal))
        {
            text += $"\nJoin: {meeting.JoinUrl}";
            if (meeting.Password is { } password && !meeting.JoinUrl.Contains("pwd=", StringComparison.Ordinal))
            {
                text += $"\nPasscode: {password}";
            }
        }

        return text;
    }

    private static string Truncate(string topic) => topic.Length <= MaxTopic ? topic : topic[..(MaxTopic - 1)] + "…";
}

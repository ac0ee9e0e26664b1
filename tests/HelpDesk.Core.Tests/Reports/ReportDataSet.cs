using HelpDesk.Core.Storage;
using HelpDesk.Domain.Commands;
using HelpDesk.Domain.Escalations;
using HelpDesk.Domain.Events;
using HelpDesk.Domain.Sla;
using HelpDesk.Domain.Tickets;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace HelpDesk.Core.Tests.Reports;

/// <summary>One generated ticket, as the generator decided it: what the KPIs are computed from independently.</summary>
public sealed record GeneratedTicket(
    long Number, DateTimeOffset CreatedAt, Channel Channel, string Category, string Queue, DateTimeOffset? FirstReplyAt,
    DateTimeOffset? FirstSolvedAt, DateTimeOffset? ReopenedAt, DateTimeOffset? SolvedAt, SatisfactionRating? Rating)
{
    /// <summary>A second public agent reply, a minute after the first (the ticket took more than one contact).</summary>
    public DateTimeOffset? SecondReplyAt { get; init; }

    /// <summary>When the SLA watch looks at the 8-hour first-response target: half a minute after it is due.</summary>
    public DateTimeOffset FirstResponseCheck => CreatedAt + ReportDataSet.FirstResponseTarget + TimeSpan.FromSeconds(30);

    /// <summary>Escalated (to <c>jira</c> or <c>github</c>) two hours after opening; done after the given minutes, or never.</summary>
    public (string Target, int? MinutesToDone)? Escalation { get; init; }

    public DateTimeOffset EscalatedAt => CreatedAt.AddHours(2);

    /// <summary>The agent it is assigned to on opening; null: unassigned.</summary>
    public string? Assignee { get; init; }

    /// <summary>Engineering's tickets answer on office hours: their first-response target is on the office calendar.</summary>
    public bool FirstResponseOnOfficeHours => Queue == "engineering";

    /// <summary>
    /// Neither answered nor solved when the watch looks at the calendar-time target: it records the breach. (The data
    /// set has the watch look only at those; a target on office hours is never recorded as breached.)
    /// </summary>
    public bool FirstResponseBreached => !FirstResponseOnOfficeHours
        && (FirstReplyAt ?? DateTimeOffset.MaxValue) > FirstResponseCheck && (FirstSolvedAt ?? DateTimeOffset.MaxValue) > FirstResponseCheck;
}

/// <summary>
/// A seeded data set with known distributions: tickets over 90 days ending 2026-11-01 (across Europe's DST change of
/// 25 October), channels 50/30/15/3/2 % email/web/phone/chat/monitoring, four categories, three queues, 85 % answered
/// within 0–48 h (a third of those answered twice), 70 % solved within 1–200 h of opening, a tenth of those reopened
/// and solved again, 40 % of solves rated, assigned to three agents or (a tenth) to none. Every ticket has a first-response
/// target of 8 hours (calendar time; on office hours for the engineering queue) and a resolution target of 40 hours
/// on office hours (<see cref="OfficeHours"/>: Berlin, Monday to Friday 09:00–17:00, with a holiday).
/// Written through the store's writer (events and projection in one commit), as the hub writes them.
/// </summary>
public static class ReportDataSet
{
    public static readonly DateTimeOffset End = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Start = End.AddDays(-90);

    /// <summary>Every ticket is under one SLA policy: a first response within 8 hours, calendar time.</summary>
    public static readonly TimeSpan FirstResponseTarget = TimeSpan.FromHours(8);
    /// <summary>Europe/Berlin office hours, Monday to Friday 09:00–17:00, closed on 26 October 2026, the Monday after the DST change.</summary>
    public static readonly BusinessCalendar OfficeHours = new(
        "office", "Berlin office", "Europe/Berlin",
        [.. new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }.Select(d => new Shift(d, new TimeOnly(9, 0), new TimeOnly(17, 0)))],
        [new Holiday(new DateOnly(2026, 10, 26), "Company day")]);

    public static readonly TimeSpan ResolutionTarget = TimeSpan.FromHours(40);
    public static readonly string[] Agents = ["ana", "ben", "chloe"];
    private static readonly Actor Agent = new(ActorKind.Agent, "ana", "Ana");
    private static readonly TicketDecider Decider = new(PriorityMatrix.Default);
    private static readonly string[] Categories = ["billing", "login", "export", "other"];
    private static readonly string[] Queues = ["first-line", "billing", "engineering"];

    public static List<GeneratedTicket> Generate(int count, int seed = 7)
    {
        var random = new Random(seed);
        var tickets = new List<GeneratedTicket>(count);
        for (var number = 1; number <= count; number++)
        {
            var created = Start.AddMinutes(random.Next(90 * 24 * 60));
            var roll = random.NextDouble();
            var channel = roll < 0.5 ? Channel.Email : roll < 0.8 ? Channel.Web : roll < 0.95 ? Channel.Phone : roll < 0.98 ? Channel.Chat : Channel.Monitoring;
            var secondReply = random.NextDouble() < 0.3;
            var reply = random.NextDouble() < 0.85 ? created.AddMinutes(1 + random.Next(48 * 60)) : (DateTimeOffset?)null;
            DateTimeOffset? firstSolve = null, reopened = null, solved = null;
            SatisfactionRating? rating = null;
            if (random.NextDouble() < 0.7)
            {
                firstSolve = (reply ?? created).AddMinutes(1 + random.Next(200 * 60));
                solved = firstSolve;
                if (random.NextDouble() < 0.1)
                {
                    reopened = firstSolve.Value.AddMinutes(1 + random.Next(24 * 60));
                    solved = reopened.Value.AddMinutes(1 + random.Next(48 * 60));
                }

                if (random.NextDouble() < 0.4)
                {
                    var mood = random.NextDouble();
                    rating = mood < 0.7 ? SatisfactionRating.Good : mood < 0.85 ? SatisfactionRating.Neutral : SatisfactionRating.Bad;
                }
            }

            tickets.Add(new GeneratedTicket(number, created, channel, Categories[random.Next(Categories.Length)], Queues[random.Next(Queues.Length)], reply, firstSolve, reopened, solved, rating)
            {
                SecondReplyAt = secondReply && reply is { } first && (firstSolve is null || firstSolve > first.AddMinutes(1)) ? first.AddMinutes(1) : null,
                Escalation = random.NextDouble() < 0.05 ? (random.Next(3) == 0 ? "github" : "jira", random.NextDouble() < 0.8 ? 1 + random.Next(24 * 60) : null) : null,
                Assignee = random.NextDouble() < 0.1 ? null : Agents[random.Next(Agents.Length)],
            });
        }

        return tickets;
    }

    public static async Task WriteAsync(Database database, IReadOnlyList<GeneratedTicket> tickets)
    {
        await new SchemaMigrator(database, NullLogger<SchemaMigrator>.Instance).MigrateAsync(CancellationToken.None);
        await using var writer = new TicketEventWriter(database, Options.Create(new StorageOptions { MaxBatchSize = 1000 }), NullLogger<TicketEventWriter>.Instance);
        foreach (var chunk in tickets.Chunk(1000))
        {
            await Task.WhenAll(chunk.Select(t => writer.AppendAsync(Append(t))));
        }
    }

    private static TicketAppend Append(GeneratedTicket t)
    {
        var state = new TicketState();
        var events = new List<TicketEvent>();
        void Take(Decision decision)
        {
            Assert.Null(decision.Rejection);
            foreach (var e in decision.Events)
            {
                state.Apply(e);
                events.Add(e);
            }
        }

        var requester = new Requester($"customer{t.Number % 500}@example.com", null, "en", null, null);
        Take(Decider.Open(state, t.Number, new OpenTicket($"Question {t.Number}", "Details", requester, t.Channel, Category: t.Category, Queue: t.Queue), Agent, t.CreatedAt));
        if (t.Assignee is { } assignee)
        {
            Take(Decider.Update(state, new UpdateTicket { Assignee = new(assignee) }, Agent, t.CreatedAt));
        }

        SlaTarget[] targets =
        [
            new(SlaTargetKind.FirstResponse, FirstResponseTarget, t.FirstResponseOnOfficeHours ? OfficeHours : BusinessCalendar.AlwaysOpen),
            new(SlaTargetKind.Resolution, ResolutionTarget, OfficeHours),
        ];
        Take(TicketDecider.ApplySlaPolicy(state, new SlaPolicyApplied(Agent, t.CreatedAt, "standard", "Standard", targets, 0.75) { Revision = "1" }));
        if (t.FirstResponseBreached)
        {
            Take(TicketDecider.RecordSlaCrossings(state, Agent, t.FirstResponseCheck));
        }
        if (t.Escalation is { } escalation)
        {
            // Recorded as the hub records them, though out of time order with the rest: the KPI reads only these two events.
            Take(TicketDecider.Escalate(state, new EscalateTicket($"esc-{t.Number}", escalation.Target), Agent, t.EscalatedAt));
            if (escalation.MinutesToDone is { } minutes)
            {
                Take(TicketDecider.CompleteEscalation(state, $"esc-{t.Number}", new ExternalLink(escalation.Target, $"OPS-{t.Number}", null, "To Do"), Agent, t.EscalatedAt.AddMinutes(minutes)));
            }
        }

        if (t.FirstReplyAt is { } reply)
        {
            Take(TicketDecider.AddMessage(state, new AddMessage("On it", MessageVisibility.Public, Agent), reply));
        }

        if (t.SecondReplyAt is { } second)
        {
            Take(TicketDecider.AddMessage(state, new AddMessage("One more thing", MessageVisibility.Public, Agent), second));
        }

        if (t.FirstSolvedAt is { } firstSolve)
        {
            Take(Decider.Update(state, new UpdateTicket { Status = TicketStatus.Solved }, Agent, firstSolve));
            if (t.ReopenedAt is { } reopened)
            {
                Take(TicketDecider.AddMessage(state, new AddMessage("Still broken", MessageVisibility.Public, new Actor(ActorKind.Customer, requester.Email)), reopened));
                Take(Decider.Update(state, new UpdateTicket { Status = TicketStatus.Solved }, Agent, t.SolvedAt!.Value));
            }

            if (t.Rating is { } rating)
            {
                Take(TicketDecider.RateSatisfaction(state, state.SolvedVersion!.Value, rating, null, t.SolvedAt!.Value.AddMinutes(5)));
            }
        }

        return new TicketAppend(t.Number, 0, events, state);
    }
}

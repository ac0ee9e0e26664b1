using HelpDesk.Core.Storage;
using HelpDesk.Domain.Commands;
using HelpDesk.Domain.Escalations;
using HelpDesk.Domain.Events;
using HelpDesk.Domain.Sla;
using HelpDesk.Domain.Tickets;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace HelpDesk.Benchmarks;

/// <summary>
/// Tickets as a busy help desk has them, written through the store's writer (events and projection in one commit):
/// opened over 90 days into one of three queues, under a first-response target (calendar time) and a resolution target
/// (Berlin office hours); 5 % escalated to jira; 85 % answered, 70 % solved, a tenth of those reopened and solved again, 30 % rated, and the
/// SLA crossings already due recorded, so the watch has little to do while the reports are timed.
/// </summary>
public static class ReportsData
{
    private static readonly Actor Agent = new(ActorKind.Agent, "ana", "Ana");
    private static readonly TicketDecider Decider = new(PriorityMatrix.Default);
    private static readonly string[] Categories = ["billing", "login", "export", "other"];
    private static readonly string[] Queues = ["first-line", "billing", "engineering"];
    private static readonly string[] Agents = ["ana", "ben", "chloe", "dev", "eve"];
    private static readonly Channel[] Channels = [Channel.Email, Channel.Email, Channel.Web, Channel.Phone, Channel.Chat, Channel.Monitoring];

    private static readonly BusinessCalendar OfficeHours = new(
        "office", "Berlin office", "Europe/Berlin",
        [.. new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }.Select(d => new Shift(d, new TimeOnly(9, 0), new TimeOnly(17, 0)))],
        []);

    /// <summary>Writes the tickets; returns how many events they have.</summary>
    public static async Task<long> SeedAsync(Database database, int tickets, DateTimeOffset end)
    {
        await new SchemaMigrator(database, NullLogger<SchemaMigrator>.Instance).MigrateAsync(CancellationToken.None);
        await using var writer = new TicketEventWriter(database, Options.Create(new StorageOptions { MaxBatchSize = 1000 }), NullLogger<TicketEventWriter>.Instance);
        var random = new Random(42);
        var events = 0L;
        for (var first = 1; first <= tickets; first += 1000)
        {
            var chunk = Enumerable.Range(first, Math.Min(1000, tickets - first + 1)).Select(n => Ticket(n, random, end)).ToList();
            events += chunk.Sum(a => a.Events.Count);
            await Task.WhenAll(chunk.Select(writer.AppendAsync));
            if (first % 100_000 == 1 && first > 1)
            {
                Console.WriteLine($"  {first - 1:N0} tickets written");
            }
        }

        // The hub numbers new tickets after the seeded ones.
        await database.ExecuteAsync($"UPDATE counters SET value = {tickets} WHERE name = 'ticket-number'", _ => { }, CancellationToken.None);
        return events;
    }

    private static TicketAppend Ticket(long number, Random random, DateTimeOffset end)
    {
        var state = new TicketState();
        var events = new List<TicketEvent>();
        void Take(Decision decision)
        {
            foreach (var e in decision.Events)
            {
                state.Apply(e);
                events.Add(e);
            }
        }

        var created = end.AddMinutes(-1 - random.Next(90 * 24 * 60));
        var requester = new Requester($"customer{random.Next(20_000)}@example.com", null, random.Next(4) == 0 ? "de" : "en", null, null);
        Take(Decider.Open(
            state, number,
            new OpenTicket($"Question {number}", "Details", requester, Channels[random.Next(Channels.Length)], Category: Categories[random.Next(Categories.Length)], Queue: Queues[random.Next(Queues.Length)]),
            Agent, created));
        SlaTarget[] targets = [new(SlaTargetKind.FirstResponse, TimeSpan.FromHours(8), BusinessCalendar.AlwaysOpen), new(SlaTargetKind.Resolution, TimeSpan.FromHours(40), OfficeHours)];
        Take(TicketDecider.ApplySlaPolicy(state, new SlaPolicyApplied(Agent, created, "standard", "Standard", targets, 0.75) { Revision = "1" }));

        if (random.NextDouble() < 0.05 && created.AddHours(2) is var escalated && escalated < end)
        {
            Take(TicketDecider.Escalate(state, new EscalateTicket($"esc-{number}", "jira"), Agent, escalated));
            if (random.NextDouble() < 0.8 && escalated.AddMinutes(1 + random.Next(24 * 60)) is var done && done < end)
            {
                Take(TicketDecider.CompleteEscalation(state, $"esc-{number}", new ExternalLink("jira", $"OPS-{number}", null, "To Do"), Agent, done));
            }
        }

        var at = created;
        DateTimeOffset Later(int maxMinutes) => at = at.AddMinutes(1 + random.Next(maxMinutes));
        if (random.NextDouble() < 0.85 && Later(24 * 60) < end)
        {
            Take(Decider.Update(state, new UpdateTicket { Assignee = new(Agents[random.Next(Agents.Length)]) }, Agent, at));
            Take(TicketDecider.AddMessage(state, new AddMessage("On it", MessageVisibility.Public, Agent), at));
        }

        if (random.NextDouble() < 0.82 && Later(72 * 60) < end)
        {
            Take(Decider.Update(state, new UpdateTicket { Status = TicketStatus.Solved }, Agent, at));
            if (random.NextDouble() < 0.1 && Later(24 * 60) < end)
            {
                Take(TicketDecider.AddMessage(state, new AddMessage("Still broken", MessageVisibility.Public, new Actor(ActorKind.Customer, requester.Email)), at));
                if (Later(48 * 60) < end)
                {
                    Take(Decider.Update(state, new UpdateTicket { Status = TicketStatus.Solved }, Agent, at));
                }
            }

            if (state.Status == TicketStatus.Solved && random.NextDouble() < 0.3 && Later(60) < end)
            {
                Take(TicketDecider.RateSatisfaction(state, state.SolvedVersion!.Value, random.Next(5) == 0 ? SatisfactionRating.Bad : SatisfactionRating.Good, null, at));
            }
        }

        Take(TicketDecider.RecordSlaCrossings(state, Agent, end));
        return new TicketAppend(number, 0, events, state);
    }
}

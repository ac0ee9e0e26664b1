using HelpDesk.Core.Queries;
using HelpDesk.Core.Reports;
using HelpDesk.Core.Storage;
using HelpDesk.Core.Tests.Tickets;
using HelpDesk.Domain.Commands;
using HelpDesk.Domain.Tickets;

namespace HelpDesk.Core.Tests.Reports;

/// <summary>The spike detector in a real silo, over four weeks of flat history written to its store.</summary>
public sealed class SpikeDetectorTests(TicketClusterFixture fixture) : IClassFixture<TicketClusterFixture>
{
    private static readonly Actor Customer = new(ActorKind.Customer, "someone@example.com");
    private static readonly TicketDecider Decider = new(PriorityMatrix.Default);
    private long _next = 5_000_000;

    [Fact]
    public async Task A_spike_of_200_in_an_hour_against_a_flat_history_opens_one_spike_ticket_and_its_second_hour_updates_it()
    {
        var now = DateTimeOffset.UtcNow;
        now = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero);
        var history = new List<TicketAppend>();
        for (var hour = 1; hour <= 29 * 24; hour++)
        {
            foreach (var category in new[] { "billing", "login" })
            {
                history.AddRange(Enumerable.Range(0, 3).Select(i => Ticket(category, now.AddHours(-hour).AddMinutes(10 + i))));
            }
        }

        await WriteAsync(history);
        await WriteAsync([.. Enumerable.Range(0, 200).Select(i => Ticket("billing", now.AddMinutes(-50).AddSeconds(i)))]);
        var detector = fixture.SiloService<SpikeDetector>();

        var first = await detector.PassAsync(now, CancellationToken.None);
        var again = await detector.PassAsync(now, CancellationToken.None);

        Assert.Contains(first, s => s is { Dimension: "category", Key: "billing", Tickets: 203, Mean: 3 } && s.Window == TimeSpan.FromHours(1));
        Assert.DoesNotContain(first, s => s.Key == "login");
        var ticket = Assert.Single(await SpikeTicketsAsync());
        Assert.Contains("203 tickets in the hour", ticket.Description, StringComparison.Ordinal);
        Assert.Equal((Channel.Monitoring, Priority.High), (ticket.Channel, ticket.Priority));
        var notesAfterFirstHour = await NotesAsync(ticket.Number);
        Assert.NotEmpty(again);
        Assert.Equal(notesAfterFirstHour, await NotesAsync(ticket.Number));

        await WriteAsync([.. Enumerable.Range(0, 200).Select(i => Ticket("billing", now.AddMinutes(10).AddSeconds(i)))]);
        await detector.PassAsync(now.AddHours(1), CancellationToken.None);

        var updated = Assert.Single(await SpikeTicketsAsync());
        Assert.Equal(ticket.Number, updated.Number);
        var notes = await NotesAsync(ticket.Number);
        Assert.True(notes.Count > notesAfterFirstHour.Count);
        Assert.Contains(notes, n => n.StartsWith("Still spiking: 200 tickets in the hour", StringComparison.Ordinal));
    }

    private async Task<IReadOnlyList<TicketState>> SpikeTicketsAsync() =>
        (await fixture.SiloService<TicketQueries>().ListAsync(new TicketQuery { ExternalId = "spike:category:billing", Limit = 10 }, CancellationToken.None)).Items;

    private async Task<List<string>> NotesAsync(long number) =>
        [.. (await fixture.SiloService<TicketQueries>().MessagesAsync(number, includeInternal: true, CancellationToken.None))
            .Where(m => m.Visibility == MessageVisibility.Internal).Select(m => m.Body)];

    private async Task WriteAsync(IReadOnlyList<TicketAppend> appends)
    {
        var writer = fixture.SiloService<TicketEventWriter>();
        foreach (var chunk in appends.Chunk(500))
        {
            await Task.WhenAll(chunk.Select(writer.AppendAsync));
        }
    }

    private TicketAppend Ticket(string category, DateTimeOffset at)
    {
        var state = new TicketState();
        var opened = Decider.Open(state, _next++, new OpenTicket("Cannot pay", "Card refused", new Requester(Customer.Id, null, null, null, null), Channel.Web, Category: category), Customer, at);
        opened.Events.ToList().ForEach(state.Apply);
        return new TicketAppend(state.Number, 0, opened.Events, state);
    }
}

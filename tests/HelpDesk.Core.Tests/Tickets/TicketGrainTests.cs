using HelpDesk.Core.Storage;
using HelpDesk.Core.Tickets;
using HelpDesk.Domain.Commands;
using HelpDesk.Domain.Events;
using HelpDesk.Domain.Tickets;

namespace HelpDesk.Core.Tests.Tickets;

public sealed class TicketGrainTests(TicketClusterFixture fixture) : IClassFixture<TicketClusterFixture>
{
    private static readonly Actor Agent = new(ActorKind.Agent, "agent-1");
    private static long _nextNumber = 1_000;

    private static OpenTicket NewTicket() => new("Cannot log in", "Password expired.", new Requester("ana@example.com", "Ana", null, null, null));

    private async Task<(ITicketGrain Grain, long Number)> OpenAsync()
    {
        var number = Interlocked.Increment(ref _nextNumber);
        var grain = fixture.Grains.GetGrain<ITicketGrain>(number);
        Assert.Null((await grain.Open(NewTicket(), Agent)).Rejection);
        return (grain, number);
    }

    [Fact]
    public async Task A_ticket_survives_deactivation_by_replaying_its_stored_events()
    {
        var (grain, number) = await OpenAsync();
        await grain.Update(new UpdateTicket { Status = TicketStatus.Pending, Assignee = new("bea") }, Agent, expectedVersion: 1);

        await fixture.Cluster.DeactivateAsync(grain);
        var reloaded = await fixture.Grains.GetGrain<ITicketGrain>(number).Get();

        Assert.NotNull(reloaded);
        Assert.Equal((3, TicketStatus.Pending, "bea"), (reloaded.Version, reloaded.Status, reloaded.Assignee));
    }

    [Fact]
    public async Task Two_concurrent_updates_with_the_same_expected_version_one_wins_one_is_refused()
    {
        var (grain, number) = await OpenAsync();

        var results = await Task.WhenAll(
            grain.Update(new UpdateTicket { Assignee = new("bea") }, Agent, expectedVersion: 1),
            grain.Update(new UpdateTicket { Assignee = new("carl") }, Agent, expectedVersion: 1));

        Assert.Single(results, r => r.Rejection is null);
        Assert.Single(results, r => r.Rejection?.Kind == RejectionKind.PreconditionFailed);
        var events = await fixture.Store.ReadTicketAsync(number, CancellationToken.None);
        Assert.Equal([1, 2], events.Select(e => e.Version));
        Assert.IsType<Assigned>(events[1].Event);
    }

    [Fact]
    public async Task A_ticket_that_does_not_exist_is_not_found_even_with_an_expected_version()
    {
        var grain = fixture.Grains.GetGrain<ITicketGrain>(Interlocked.Increment(ref _nextNumber));

        var result = await grain.Update(new UpdateTicket { Status = TicketStatus.Solved }, Agent, expectedVersion: 4);

        Assert.Equal(RejectionKind.NotFound, result.Rejection?.Kind);
    }

    [Fact]
    public async Task A_refused_command_writes_nothing()
    {
        var (grain, number) = await OpenAsync();

        var result = await grain.Update(new UpdateTicket { Status = TicketStatus.Open, AddTags = ["has space"] }, Agent, expectedVersion: null);

        Assert.Equal("addTags[0]", result.Rejection?.Field);
        Assert.Single(await fixture.Store.ReadTicketAsync(number, CancellationToken.None));
    }

    [Fact]
    public async Task A_write_by_someone_else_is_reported_as_a_conflict_and_never_overwritten()
    {
        var (grain, number) = await OpenAsync();
        var current = (await grain.Get())!;

        // Another writer (a second activation during a partition, say) appends version 2 behind this grain's back.
        var foreign = new Assigned(new Actor(ActorKind.System, "elsewhere"), DateTimeOffset.UtcNow, "zoe", null);
        var result = current.Copy();
        result.Apply(foreign);
        Assert.Equal(AppendOutcome.Appended, await fixture.Store.AppendAsync(new TicketAppend(number, 1, [foreign], result)));

        var refused = await grain.Update(new UpdateTicket { Assignee = new("bea") }, Agent, expectedVersion: null);

        Assert.Equal(RejectionKind.Conflict, refused.Rejection?.Kind);
        var events = await fixture.Store.ReadTicketAsync(number, CancellationToken.None);
        Assert.Equal("zoe", Assert.IsType<Assigned>(Assert.Single(events, e => e.Version == 2).Event).Assignee);
        Assert.Equal(2, events.Count);

        // The grain has caught up: the next command applies on top of the other writer's event.
        var retried = await grain.Update(new UpdateTicket { Assignee = new("bea") }, Agent, expectedVersion: 2);
        Assert.Null(retried.Rejection);
        Assert.Equal(3, retried.Ticket!.Version);
    }

    [Fact]
    public async Task An_idempotent_create_retried_returns_the_first_ticket_and_a_different_body_is_refused()
    {
        var key = $"key-{Guid.NewGuid():N}";
        var creator = fixture.Grains.GetGrain<IIdempotentCreateGrain>(key);

        var first = await creator.Create(NewTicket(), Agent, "hash-1");
        var again = await creator.Create(NewTicket(), Agent, "hash-1");
        var other = await creator.Create(NewTicket() with { Subject = "Other" }, Agent, "hash-2");

        Assert.False(first.Replayed);
        Assert.True(again.Replayed);
        Assert.Equal(first.Ticket!.Number, again.Ticket!.Number);
        Assert.Equal("Idempotency-Key", other.Rejection?.Field);
    }
}

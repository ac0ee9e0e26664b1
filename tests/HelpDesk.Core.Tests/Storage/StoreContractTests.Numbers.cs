using HelpDesk.Core.Storage;

namespace HelpDesk.Core.Tests.Storage;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task Ticket_numbers_are_unique_and_increasing_under_500_concurrent_requests()
    {
        using var allocator = new TicketNumberAllocator(Database);

        var numbers = await Task.WhenAll(Enumerable.Range(0, 500).Select(_ => allocator.NextAsync(CancellationToken.None).AsTask()));
        var after = new List<long>();
        for (var i = 0; i < 40; i++)
        {
            after.Add(await allocator.NextAsync(CancellationToken.None));
        }

        Assert.Equal(500, numbers.Distinct().Count());
        Assert.All(numbers, n => Assert.True(n > 0));
        Assert.True(after[0] > numbers.Max());
        Assert.Equal(after.Order(), after);
        Assert.Equal(after.Count, after.Distinct().Count());
    }

    [Fact]
    public async Task Two_silos_allocating_numbers_on_one_database_never_hand_out_the_same_number()
    {
        using var first = new TicketNumberAllocator(Database);
        using var second = new TicketNumberAllocator(Connect());

        var numbers = await Task.WhenAll(Enumerable.Range(0, 600).Select(i => (i % 2 == 0 ? first : second).NextAsync(CancellationToken.None).AsTask()));

        Assert.Equal(numbers.Length, numbers.Distinct().Count());
    }

    [Fact]
    public async Task An_idempotency_key_keeps_its_first_reservation()
    {
        var idempotency = new IdempotencyStore(Database, Clock);

        var first = await idempotency.ReserveAsync("key-1", "hash-a", 7, CancellationToken.None);
        var second = await idempotency.ReserveAsync("key-1", "hash-b", 8, CancellationToken.None);
        var other = await idempotency.ReserveAsync("key-2", "hash-c", 9, CancellationToken.None);

        Assert.Equal((7L, "hash-a"), first);
        Assert.Equal((7L, "hash-a"), second);
        Assert.Equal((9L, "hash-c"), other);
        Assert.Equal((7L, "hash-a"), await idempotency.FindAsync("key-1", CancellationToken.None));
    }

    [Fact]
    public async Task Concurrent_reservations_of_one_idempotency_key_all_get_the_same_ticket()
    {
        var idempotency = new IdempotencyStore(Database, Clock);

        var reservations = await Task.WhenAll(Enumerable.Range(1, 20).Select(i => idempotency.ReserveAsync("key-1", $"hash-{i}", i, CancellationToken.None)));

        Assert.Single(reservations.Distinct());
        Assert.Equal(reservations[0], await idempotency.FindAsync("key-1", CancellationToken.None));
    }

    [Fact]
    public async Task Releasing_an_idempotency_key_frees_it_for_a_new_reservation()
    {
        var idempotency = new IdempotencyStore(Database, Clock);
        await idempotency.ReserveAsync("key-1", "hash-a", 7, CancellationToken.None);
        await idempotency.ReserveAsync("key-2", "hash-b", 8, CancellationToken.None);

        await idempotency.ReleaseAsync("key-1", CancellationToken.None);

        Assert.Null(await idempotency.FindAsync("key-1", CancellationToken.None));
        Assert.Equal((9L, "hash-c"), await idempotency.ReserveAsync("key-1", "hash-c", 9, CancellationToken.None));
        Assert.Equal((8L, "hash-b"), await idempotency.FindAsync("key-2", CancellationToken.None));
    }
}

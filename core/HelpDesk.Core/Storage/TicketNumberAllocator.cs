namespace HelpDesk.Core.Storage;

/// <summary>
/// Hands out ticket numbers from blocks reserved in the database, so a create touches no shared row:
/// one round trip per block. Numbers left in a block when the process stops are skipped, as in
/// Zendesk: numbers are unique and increasing per silo, not gap-free.
/// </summary>
public sealed class TicketNumberAllocator(Database database) : IDisposable
{
    public const int BlockSize = 32;

    private readonly SemaphoreSlim _refill = new(1, 1);
    private long _next;
    private long _end;

    public async ValueTask<long> NextAsync(CancellationToken cancellationToken)
    {
        await _refill.WaitAsync(cancellationToken);
        try
        {
            if (_next >= _end)
            {
                _end = await ReserveBlockAsync(cancellationToken) + 1;
                _next = _end - BlockSize;
            }

            return _next++;
        }
        finally
        {
            _refill.Release();
        }
    }

    public void Dispose() => _refill.Dispose();

    private Task<long> ReserveBlockAsync(CancellationToken cancellationToken) =>
        database.Int64Async(
            "UPDATE counters SET value = value + @size WHERE name = 'ticket-number' RETURNING value", c => c.With("@size", BlockSize), cancellationToken);
}

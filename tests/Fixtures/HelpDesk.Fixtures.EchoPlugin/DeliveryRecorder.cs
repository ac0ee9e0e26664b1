using HelpDesk.Sdk.Capabilities;

namespace HelpDesk.Fixtures.EchoPlugin;

/// <summary>
/// Logs every delivery as one line, <c>{major} {ticket} {version} {position} {occurred ms} {received ms}</c>, so tests
/// and benchmarks can count deliveries per event and per plugin version and measure delivery lag. Each loaded copy
/// writes its own file (<c>{RecordTo}.{guid}.log</c>): an old and a new version draining side by side never share one.
/// </summary>
public sealed class DeliveryRecorder(string recordTo, TimeProvider time) : ITicketEventHandler, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly int _major = typeof(DeliveryRecorder).Assembly.GetName().Version!.Major;
    private StreamWriter? _writer;

    /// <inheritdoc/>
    public async Task HandleAsync(TicketEventContext context, CancellationToken cancellationToken)
    {
        var e = context.Event;
        var line = $"{_major} {e.Ticket} {e.Version} {e.Position} {e.At.ToUnixTimeMilliseconds()} {time.GetUtcNow().ToUnixTimeMilliseconds()}";
        await _gate.WaitAsync(cancellationToken);
        try
        {
            _writer ??= new StreamWriter(new FileStream($"{recordTo}.{Guid.NewGuid():N}.log", FileMode.CreateNew, FileAccess.Write, FileShare.Read)) { AutoFlush = true };
            await _writer.WriteLineAsync(line.AsMemory(), cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _gate.Wait();
        _writer?.Dispose();
        _writer = null;
        _gate.Dispose();
    }
}

using System.Text.Json;
using HelpDesk.Sdk.Capabilities;

namespace HelpDesk.Fixtures.CapabilitiesPlugin;

/// <summary>An outbound channel that appends each message, once per message id, to <c>{folder}/outbound.jsonl</c>.</summary>
public sealed class RecordingChannel(string name, string folder) : IOutboundChannel
{
    private static readonly SemaphoreSlim Gate = new(1, 1);

    /// <inheritdoc/>
    public string Name => name;

    /// <inheritdoc/>
    public async Task<OutboundReceipt> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "outbound.jsonl");
        await Gate.WaitAsync(cancellationToken);
        try
        {
            var sent = File.Exists(file) ? await File.ReadAllLinesAsync(file, cancellationToken) : [];
            if (!sent.Any(line => line.Contains(JsonSerializer.Serialize(message.MessageId), StringComparison.Ordinal)))
            {
                await File.AppendAllTextAsync(file, JsonSerializer.Serialize(message) + "\n", cancellationToken);
            }
        }
        finally
        {
            Gate.Release();
        }

        return new OutboundReceipt(message.MessageId);
    }
}

using System.Net;

namespace HelpDesk.Server.Tests.Infrastructure;

/// <summary>A body sent without Content-Length (chunked), so the server only learns its size while reading it.</summary>
public sealed class ChunkedContent(byte[] bytes) : HttpContent
{
    public ChunkedContent(string text)
        : this(System.Text.Encoding.UTF8.GetBytes(text))
    {
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(bytes).AsTask();

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}

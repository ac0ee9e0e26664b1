using System.Net;
using System.Net.Sockets;

namespace HelpDesk.TestSupport;

public static class FreePort
{
    // Below Linux's ephemeral range (32768–60999): a port the OS handed out for "any free port" can be taken by an
    // outgoing connection before the hub binds it, which failed whole test classes with "address already in use".
    // Ports here are only ever bound on purpose. Each test process starts at a random place so parallel runs rarely meet.
    private const int First = 20_000;
    private const int Count = 12_000;
    private static int _offset = Random.Shared.Next(Count);

    /// <summary>A loopback port free right now and outside the ephemeral range, so parallel hubs and silos in tests never collide.</summary>
    public static int Next()
    {
        for (var attempt = 0; attempt < Count; attempt++)
        {
            var port = First + (Interlocked.Increment(ref _offset) % Count);
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
                // Taken by another test process or service; try the next one.
            }
        }

        throw new InvalidOperationException($"No free loopback port between {First} and {First + Count}.");
    }
}

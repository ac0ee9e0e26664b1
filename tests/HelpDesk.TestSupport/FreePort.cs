using System.Net;
using System.Net.Sockets;

namespace HelpDesk.TestSupport;

public static class FreePort
{
    /// <summary>A loopback port free right now, so parallel hubs and silos in tests never collide.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

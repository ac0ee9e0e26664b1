using System.Net;
using System.Net.Sockets;

namespace HelpDesk.TestSupport;

/// <summary>
/// A port on loopback that forwards to a real server and can be taken down and brought back, so a test can stand for
/// "the mail server is down for a while" without touching the server every other test uses.
/// </summary>
public sealed class TcpRelay : IAsyncDisposable
{
    private readonly string _targetHost;
    private readonly int _targetPort;
    private readonly List<TcpClient> _open = [];
    private TcpListener? _listener;
    private Task _accepting = Task.CompletedTask;

    public TcpRelay(string targetHost, int targetPort)
    {
        (_targetHost, _targetPort) = (targetHost, targetPort);
        Port = FreePort.Next();
        Start();
    }

    public int Port { get; }

    public void Start()
    {
        _listener = new TcpListener(IPAddress.Loopback, Port);
        _listener.Start();
        _accepting = AcceptAsync(_listener);
    }

    /// <summary>Refuses new connections and cuts the open ones, as a server that went away.</summary>
    public async Task StopAsync()
    {
        _listener?.Stop();
        lock (_open)
        {
            _open.ForEach(c => c.Dispose());
            _open.Clear();
        }

        await _accepting;
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task AcceptAsync(TcpListener listener)
    {
        while (true)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync();
            }
            catch (Exception error) when (error is SocketException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        using var target = new TcpClient();
        lock (_open)
        {
            _open.Add(client);
            _open.Add(target);
        }

        try
        {
            await target.ConnectAsync(_targetHost, _targetPort);
            var up = client.GetStream().CopyToAsync(target.GetStream());
            var down = target.GetStream().CopyToAsync(client.GetStream());
            await Task.WhenAny(up, down);
        }
        catch (Exception error) when (error is IOException or SocketException or ObjectDisposedException)
        {
            // One side went away; the other is closed below.
        }
        finally
        {
            client.Dispose();
        }
    }
}

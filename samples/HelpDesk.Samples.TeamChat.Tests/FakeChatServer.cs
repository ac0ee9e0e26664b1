using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace HelpDesk.Samples.TeamChat.Tests;

/// <summary>An incoming-webhook endpoint on loopback that keeps the messages posted to it, or answers with a failure.</summary>
public sealed class FakeChatServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _serving;

    public FakeChatServer()
    {
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Url = new Uri($"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}/hooks/incoming/");
        }

        _listener.Prefixes.Add(Url.ToString());
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public Uri Url { get; }

    /// <summary>The <c>text</c> of each message received, in order.</summary>
    public ConcurrentQueue<string> Messages { get; } = new();

    /// <summary>The status the next requests get: 200, or a failure to see the plugin's reaction.</summary>
    public HttpStatusCode Answer { get; set; } = HttpStatusCode.OK;

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        await _serving;
        _listener.Close();
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception error) when (error is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            if (Answer == HttpStatusCode.OK)
            {
                using var body = await JsonDocument.ParseAsync(context.Request.InputStream);
                Messages.Enqueue(body.RootElement.GetProperty("text").GetString()!);
            }

            context.Response.StatusCode = (int)Answer;
            context.Response.Close();
        }
    }
}

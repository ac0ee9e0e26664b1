using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace HelpDesk.Samples.TeamChat.Tests;

/// <summary>An incoming-webhook endpoint on loopback (real HTTP) that keeps what is posted to it, or answers with a failure.</summary>
public sealed class FakeChatServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _serving;

    public FakeChatServer()
    {
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Url = new Uri($"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}/services/T000/B000/incoming/");
        }

        _listener.Prefixes.Add(Url.ToString());
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public Uri Url { get; }

    /// <summary>The <c>text</c> of each message accepted, in order.</summary>
    public ConcurrentQueue<string> Messages { get; } = new();

    /// <summary>How many posts arrived, refused ones included.</summary>
    public int Requests => _requests;

    /// <summary>The media type and JSON members of the last post, to check the payload's shape.</summary>
    public (string? MediaType, string[] Members) LastPayload { get; private set; }

    /// <summary>The status the next posts get: 200, or a failure to see the plugin's reaction.</summary>
    public HttpStatusCode Answer { get; set; } = HttpStatusCode.OK;

    private int _requests;

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

            Interlocked.Increment(ref _requests);
            using (var body = await JsonDocument.ParseAsync(context.Request.InputStream))
            {
                LastPayload = (context.Request.ContentType?.Split(';')[0], [.. body.RootElement.EnumerateObject().Select(m => m.Name)]);
                if (Answer == HttpStatusCode.OK)
                {
                    Messages.Enqueue(body.RootElement.GetProperty("text").GetString()!);
                }
            }

            context.Response.StatusCode = (int)Answer;
            context.Response.Close();
        }
    }
}

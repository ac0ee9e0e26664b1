using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using HelpDesk.Server.Tests.Infrastructure;
using HelpDesk.TestSupport;

namespace HelpDesk.Server.Tests.Plugins;

/// <summary>End to end: tickets made urgent through the REST API reach a chat's incoming webhook through the partner sample.</summary>
public sealed class SampleChatNotificationTests
{
    [Fact]
    public async Task Urgent_tickets_opened_or_raised_through_the_api_are_posted_to_the_chat_and_others_are_not()
    {
        using var data = new TempDirectory();
        await using var chat = new IncomingWebhook();
        var hubBase = "https://help.example.com/";
        await using var hub = await SamplePluginTests.StartHubAsync(data, new()
        {
            ["HELPDESK__PLUGINS__TEAM-CHAT__WEBHOOKURL"] = chat.Url.ToString(),
            ["HELPDESK__PLUGINS__TEAM-CHAT__HUBBASEURL"] = hubBase,
        });
        using var admin = hub.Admin();
        await SamplePluginTests.InstallAndWaitUntilRunningAsync(data, admin);

        var quiet = await admin.CreateTicketNumberAsync(new { subject = "Typo on pricing", description = "Minor.", requester = new { email = "bo@example.com" }, priority = "high" });
        var urgent = await admin.CreateTicketNumberAsync(new { subject = "Checkout is down", description = "500 on pay.", requester = new { email = "ana@example.com", name = "Ana" }, priority = "urgent" });
        await admin.UpdateTicketAsync(quiet, new { priority = "urgent" });

        var messages = await chat.WaitForAsync(2, TimeSpan.FromSeconds(15));
        Assert.Equal(
            [
                $"<{hubBase}api/v1/tickets/{urgent}|Ticket #{urgent}> opened, priority urgent: Checkout is down\nRequester: Ana (ana@example.com)",
                $"<{hubBase}api/v1/tickets/{quiet}|Ticket #{quiet}> raised to urgent: Typo on pricing\nRequester: bo@example.com",
            ],
            messages);
        var delivery = (await admin.GetJsonAsync("/api/v1/plugins")).GetProperty("items").EnumerateArray().Single(p => p.GetProperty("id").GetString() == "team-chat").GetProperty("delivery");
        Assert.Equal(0, delivery.GetProperty("deadLetters").GetInt32());
    }

    /// <summary>A chat's incoming webhook on loopback, keeping the <c>text</c> of each post.</summary>
    private sealed class IncomingWebhook : IAsyncDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly ConcurrentQueue<string> _messages = new();
        private readonly Task _serving;

        public IncomingWebhook()
        {
            Url = new Uri($"http://127.0.0.1:{FreePort.Next()}/services/T000/B000/incoming/");
            _listener.Prefixes.Add(Url.ToString());
            _listener.Start();
            _serving = Task.Run(ServeAsync);
        }

        public Uri Url { get; }

        public async Task<string[]> WaitForAsync(int count, TimeSpan timeout)
        {
            using var deadline = new CancellationTokenSource(timeout);
            while (_messages.Count < count && !deadline.IsCancellationRequested)
            {
                await Task.Delay(50, TestContext.Current.CancellationToken);
            }

            // A moment more, so a message beyond the expected ones (a repeat, a non-urgent ticket) shows in the assertion.
            await Task.Delay(500, TestContext.Current.CancellationToken);
            return [.. _messages];
        }

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

                using (var body = await JsonDocument.ParseAsync(context.Request.InputStream))
                {
                    _messages.Enqueue(body.RootElement.GetProperty("text").GetString()!);
                }

                context.Response.StatusCode = 200;
                context.Response.Close();
            }
        }
    }
}

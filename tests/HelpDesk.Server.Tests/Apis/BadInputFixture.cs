using System.Net.Http.Headers;
using HelpDesk.Core.Security;
using HelpDesk.Server.Tests.Infrastructure;

namespace HelpDesk.Server.Tests.Apis;

/// <summary>A hub with a 128 KiB body limit, an open ticket with a reply and a note, and a closed ticket.</summary>
public sealed class BadInputFixture : IAsyncLifetime
{
    public const int MaxRequestBodyBytes = 128 * 1024;

    public HelpDeskApp App { get; } = HelpDeskApp.Sqlite(new() { ["HelpDesk:Api:MaxRequestBodyBytes"] = $"{MaxRequestBodyBytes}" });

    public HttpClient Agent { get; private set; } = null!;

    public long Open { get; private set; }

    public long Closed { get; private set; }

    public async ValueTask InitializeAsync()
    {
        Agent = await App.NewKeyAsync(ApiKeyScope.Agent);
        Open = await Agent.CreateTicketNumberAsync(TicketClient.NewTicket(email: "open@example.com"));
        await Agent.AddMessageAsync(Open, "Please try the reset link.");
        await Agent.AddMessageAsync(Open, "Customer sounds annoyed.", "internal");
        await Agent.UpdateTicketAsync(Open, new { tags = new[] { "login" }, assignee = "alice" });
        Closed = await Agent.CreateTicketNumberAsync(TicketClient.NewTicket(email: "closed@example.com"));
        await Agent.UpdateTicketAsync(Closed, new { status = "closed" });
    }

    public async Task<HttpResponseMessage> SendAsync(BadInputCase bad)
    {
        var path = bad.Path.Replace("{open}", $"{Open}", StringComparison.Ordinal).Replace("{closed}", $"{Closed}", StringComparison.Ordinal);
        var client = path.StartsWith("/api/v1/api-keys", StringComparison.Ordinal) ? App.Admin() : Agent;
        using var request = new HttpRequestMessage(bad.Method, path);
        if (bad.Body is not null)
        {
            request.Content = new ByteArrayContent(bad.Body);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(bad.ContentType);
        }

        foreach (var (name, value) in bad.Headers)
        {
            Assert.True(request.Headers.TryAddWithoutValidation(name, value));
        }

        return await client.SendAsync(request);
    }

    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}

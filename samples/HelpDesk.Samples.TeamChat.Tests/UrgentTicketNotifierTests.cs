using System.Net;
using HelpDesk.Sdk;
using HelpDesk.Sdk.Testing;
using HelpDesk.Sdk.Tickets;

namespace HelpDesk.Samples.TeamChat.Tests;

public sealed class UrgentTicketNotifierTests : IAsyncLifetime
{
    private readonly FakeChatServer _chat = new();
    private PluginHarness<TeamChatPlugin> _harness = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        _harness = Harness();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _harness.DisposeAsync();
        await _chat.DisposeAsync();
    }

    [Fact]
    public async Task An_urgent_ticket_is_posted_once_with_its_number_subject_requester_priority_and_link()
    {
        var ticket = Seed("Checkout is down", TicketPriority.Urgent, new Customer("ana@example.com", "Ana"));

        await _harness.DeliverAsync(TicketEvents.Opened(ticket), cancellationToken: Cancel);

        var message = Assert.Single(_chat.Messages);
        Assert.Equal($"<https://help.example.com/desk/api/v1/tickets/{ticket.Number}|Ticket #{ticket.Number}> opened, priority urgent: Checkout is down\nRequester: Ana (ana@example.com)", message);
        Assert.Equal("application/json", _chat.LastPayload.MediaType);
        Assert.Equal(["text"], _chat.LastPayload.Members);
        Assert.Empty(_harness.Api.Calls);
    }

    [Fact]
    public async Task The_same_event_delivered_again_is_not_posted_again()
    {
        var opened = TicketEvents.Opened(Seed("Checkout is down", TicketPriority.Urgent));

        await _harness.DeliverAsync(opened, cancellationToken: Cancel);
        await _harness.DeliverAsync(opened, attempt: 2, cancellationToken: Cancel);

        Assert.Equal(1, _chat.Requests);
    }

    [Fact]
    public async Task The_customers_words_cannot_ping_the_channel_or_forge_a_link()
    {
        var ticket = Seed("<!channel> & <https://evil.example|click>", TicketPriority.Urgent);

        await _harness.DeliverAsync(TicketEvents.Opened(ticket), cancellationToken: Cancel);

        Assert.Contains(": &lt;!channel&gt; &amp; &lt;https://evil.example|click&gt;\n", Assert.Single(_chat.Messages), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TicketPriority.Low)]
    [InlineData(TicketPriority.Normal)]
    [InlineData(TicketPriority.High)]
    public async Task A_ticket_opened_below_urgent_is_not_posted(TicketPriority priority)
    {
        var ticket = Seed("Typo on the pricing page", priority);

        await _harness.DeliverAsync(TicketEvents.Opened(ticket), cancellationToken: Cancel);

        Assert.Equal(0, _chat.Requests);
    }

    [Fact]
    public async Task A_ticket_raised_to_urgent_is_posted_with_what_the_hub_knows_of_it()
    {
        var ticket = Seed("Slow search", TicketPriority.Normal, new Customer("bo@example.com"));
        var raised = await _harness.Api.ChangePriorityAsync(ticket.Number, TicketPriority.Urgent, Cancel);

        await _harness.DeliverAsync(TicketEvents.Create(ticket.Number, raised.Version, "priority-changed", new { from = "normal", to = "urgent" }), cancellationToken: Cancel);

        Assert.Equal($"<https://help.example.com/desk/api/v1/tickets/{ticket.Number}|Ticket #{ticket.Number}> raised to urgent: Slow search\nRequester: bo@example.com", Assert.Single(_chat.Messages));
        Assert.Equal([nameof(IHelpDeskApi.ChangePriorityAsync), nameof(IHelpDeskApi.GetTicketAsync)], _harness.Api.Calls.Select(c => c.Method));
    }

    [Theory]
    [InlineData("low", "high")]
    [InlineData("urgent", "high")]
    public async Task A_priority_change_that_does_not_reach_urgent_from_below_is_not_posted(string from, string to)
    {
        var ticket = Seed("Slow search", TicketPriority.Normal);

        await _harness.DeliverAsync(TicketEvents.Create(ticket.Number, 2, "priority-changed", new { from, to }), cancellationToken: Cancel);

        Assert.Equal(0, _chat.Requests);
    }

    [Fact]
    public async Task With_a_lower_minimum_priority_high_tickets_are_posted_too()
    {
        await using var harness = Harness(("MinimumPriority", "high"));
        var ticket = harness.Api.Seed(new NewTicket("VPN flaky", "Drops hourly.", new Customer("cy@example.com")) { Priority = TicketPriority.High });

        await harness.DeliverAsync(TicketEvents.Opened(ticket), cancellationToken: Cancel);

        Assert.StartsWith($"<https://help.example.com/desk/api/v1/tickets/{ticket.Number}|Ticket #{ticket.Number}> opened, priority high: VPN flaky", Assert.Single(_chat.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_chat_answering_500_fails_the_delivery_so_the_hub_retries_it_and_the_retry_posts()
    {
        var opened = TicketEvents.Opened(Seed("Checkout is down", TicketPriority.Urgent));
        _chat.Answer = HttpStatusCode.InternalServerError;

        var failure = await Assert.ThrowsAsync<HttpRequestException>(() => _harness.DeliverAsync(opened, cancellationToken: Cancel));

        Assert.Equal(HttpStatusCode.InternalServerError, failure.StatusCode);
        _chat.Answer = HttpStatusCode.OK;
        await _harness.DeliverAsync(opened, attempt: 2, cancellationToken: Cancel);
        Assert.Single(_chat.Messages);
        Assert.Equal(2, _chat.Requests);
    }

    [Fact]
    public async Task Without_a_webhook_url_an_urgent_ticket_fails_its_delivery_naming_the_setting()
    {
        await using var unconfigured = new PluginHarness<TeamChatPlugin>(pluginId: "team-chat");
        var ticket = unconfigured.Api.Seed(new NewTicket("Checkout is down", "500 on pay.", new Customer("ana@example.com")) { Priority = TicketPriority.Urgent });

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => unconfigured.DeliverAsync(TicketEvents.Opened(ticket), cancellationToken: Cancel));

        Assert.Contains("WebhookUrl", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("MinimumPriority", "3")]
    [InlineData("MinimumPriority", "low,high")]
    [InlineData("WebhookUrl", "hooks.slack.com/services/x")]
    [InlineData("HubBaseUrl", "ftp://help.example.com/")]
    public void A_setting_that_cannot_be_used_fails_the_load_naming_it(string key, string value)
    {
        var failure = Assert.Throws<InvalidOperationException>(() => Harness((key, value)));

        Assert.StartsWith($"team-chat: {key} '{value}'", failure.Message, StringComparison.Ordinal);
    }

    private PluginHarness<TeamChatPlugin> Harness(params (string Key, string Value)[] overrides)
    {
        var settings = new Dictionary<string, string?>
        {
            ["WebhookUrl"] = _chat.Url.ToString(),
            ["HubBaseUrl"] = "https://help.example.com/desk",
        };
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }

        return new PluginHarness<TeamChatPlugin>(settings, pluginId: "team-chat");
    }

    private TicketSnapshot Seed(string subject, TicketPriority priority, Customer? requester = null) =>
        _harness.Api.Seed(new NewTicket(subject, "Details.", requester ?? new Customer("ana@example.com")) { Priority = priority });
}

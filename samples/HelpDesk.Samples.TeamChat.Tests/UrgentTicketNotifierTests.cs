using System.Net;
using HelpDesk.Sdk.Testing;
using HelpDesk.Sdk.Tickets;

namespace HelpDesk.Samples.TeamChat.Tests;

public sealed class UrgentTicketNotifierTests : IAsyncLifetime
{
    private readonly FakeChatServer _chat = new();
    private PluginHarness<TeamChatPlugin> _harness = null!;

    public ValueTask InitializeAsync()
    {
        _harness = new PluginHarness<TeamChatPlugin>(new Dictionary<string, string?>
        {
            ["WebhookUrl"] = _chat.Url.ToString(),
            ["TicketLinkFormat"] = "https://help.example.com/tickets/{0}",
        }, pluginId: "team-chat");
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _harness.DisposeAsync();
        await _chat.DisposeAsync();
    }

    [Fact]
    public async Task An_urgent_ticket_is_posted_once_with_its_number_subject_requester_and_link()
    {
        var ticket = _harness.Api.Seed(new NewTicket("Checkout is down", "500 on pay.", new Customer("ana@example.com", "Ana")) { Priority = TicketPriority.Urgent });

        await _harness.DeliverAsync(TicketEvents.Opened(ticket), cancellationToken: TestContext.Current.CancellationToken);

        var message = Assert.Single(_chat.Messages);
        Assert.Equal($"Ticket #{ticket.Number} opened: Checkout is down\nRequester: Ana <ana@example.com>\nhttps://help.example.com/tickets/{ticket.Number}", message);
        Assert.Empty(_harness.Api.Calls);
    }

    [Fact]
    public async Task A_ticket_below_the_minimum_priority_is_not_posted()
    {
        var ticket = _harness.Api.Seed(new NewTicket("Typo on the pricing page", "Minor.", new Customer("ana@example.com")) { Priority = TicketPriority.High });

        await _harness.DeliverAsync(TicketEvents.Opened(ticket), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Empty(_chat.Messages);
    }

    [Fact]
    public async Task A_ticket_raised_to_urgent_is_posted_with_what_the_hub_knows_of_it()
    {
        var ticket = _harness.Api.Seed(new NewTicket("Slow search", "Takes 20 s.", new Customer("bo@example.com")) { Priority = TicketPriority.Normal });
        var raised = await _harness.Api.ChangePriorityAsync(ticket.Number, TicketPriority.Urgent, TestContext.Current.CancellationToken);

        await _harness.DeliverAsync(
            TicketEvents.Create(ticket.Number, raised.Version, "priority-changed", new { from = "normal", to = "urgent" }),
            cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal($"Ticket #{ticket.Number} raised to urgent: Slow search\nRequester: bo@example.com\nhttps://help.example.com/tickets/{ticket.Number}", Assert.Single(_chat.Messages));
    }

    [Fact]
    public async Task A_change_between_urgent_priorities_or_below_them_is_not_posted()
    {
        var ticket = _harness.Api.Seed(new NewTicket("Slow search", "Takes 20 s.", new Customer("bo@example.com")));

        await _harness.DeliverAsync(TicketEvents.Create(ticket.Number, 2, "priority-changed", new { from = "low", to = "high" }), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Empty(_chat.Messages);
    }

    [Fact]
    public async Task A_chat_that_refuses_the_post_fails_the_delivery_so_the_hub_retries_it()
    {
        var ticket = _harness.Api.Seed(new NewTicket("Checkout is down", "500 on pay.", new Customer("ana@example.com")) { Priority = TicketPriority.Urgent });
        _chat.Answer = HttpStatusCode.ServiceUnavailable;

        var failure = await Assert.ThrowsAsync<HttpRequestException>(() => _harness.DeliverAsync(TicketEvents.Opened(ticket), cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, failure.StatusCode);
        _chat.Answer = HttpStatusCode.OK;
        await _harness.DeliverAsync(TicketEvents.Opened(ticket), attempt: 2, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Single(_chat.Messages);
    }
}

using HelpDesk.Core.Alerts;
using HelpDesk.Core.Plugins;
using HelpDesk.Core.Queries;
using HelpDesk.Core.Tests.Tickets;
using HelpDesk.Core.Tickets;
using HelpDesk.Domain.Events;
using HelpDesk.Sdk;
using HelpDesk.Sdk.Tickets;
using Microsoft.Extensions.DependencyInjection;

namespace HelpDesk.Core.Tests.Plugins;

/// <summary>The hub's IHelpDeskApi for external updates, linked-item lookups and channel replies, over a real silo and store.</summary>
public sealed class PluginHelpDeskApiExternalTests(TicketClusterFixture fixture) : IClassFixture<TicketClusterFixture>
{
    private PluginHelpDeskApi Api()
    {
        var services = fixture.Cluster.Silos[0].ServiceProvider;
        return (PluginHelpDeskApi)services.GetRequiredService<PluginHubServices>().ApiFor("jira");
    }

    private static NewTicket Ticket() => new("Checkout fails", "Since 9:00.", new Customer("ana@example.com", "Ana"));

    [Fact]
    public async Task A_webhook_finds_the_linked_tickets_and_records_the_update_on_each_as_the_plugin()
    {
        var key = $"OPS-{Guid.NewGuid():N}";
        var first = await Api().OpenTicketAsync(Ticket(), CancellationToken.None);
        var second = await Api().OpenTicketAsync(Ticket(), CancellationToken.None);
        await Api().LinkExternalIssueAsync(first.Number, new ExternalReference("jira", key), CancellationToken.None);
        await Api().LinkExternalIssueAsync(second.Number, new ExternalReference("jira", key), CancellationToken.None);

        var linked = await Api().FindByExternalReferenceAsync("jira", key, CancellationToken.None);
        foreach (var ticket in linked)
        {
            await Api().RecordExternalUpdateAsync(ticket.Number, new ExternalUpdate("jira", key) { Status = "Done", IsResolved = true }, CancellationToken.None);
        }

        Assert.Equal([second.Number, first.Number], linked.Select(t => t.Number));
        var updated = Assert.IsType<ExternalIssueUpdated>((await fixture.Store.ReadTicketAsync(first.Number, CancellationToken.None))[^1].Event);
        Assert.Equal(("plugin:jira", "Done", (bool?)true), (updated.Actor.Id, updated.Status, updated.Resolved));
    }

    [Fact]
    public async Task An_update_for_an_item_the_ticket_is_not_linked_to_is_refused_like_the_test_kit_refuses_it()
    {
        var ticket = await Api().OpenTicketAsync(Ticket(), CancellationToken.None);

        var refusal = await Assert.ThrowsAsync<HelpDeskApiException>(() =>
            Api().RecordExternalUpdateAsync(ticket.Number, new ExternalUpdate("jira", "OPS-1") { Status = "Done" }, CancellationToken.None));

        Assert.Equal((HelpDeskApiError.Invalid, "key"), (refusal.Kind, refusal.Field));
        Assert.Single(await fixture.Store.ReadTicketAsync(ticket.Number, CancellationToken.None));
    }

    [Fact]
    public async Task A_channel_reply_is_added_once_by_its_message_id()
    {
        var ticket = await Api().OpenTicketAsync(Ticket(), CancellationToken.None);
        var email = new InboundMessage("Still broken.") { Channel = TicketChannel.Email, MessageId = "<m1@example.com>" };

        var first = await Api().AddCustomerReplyAsync(ticket.Number, email, CancellationToken.None);
        var again = await Api().AddCustomerReplyAsync(ticket.Number, email, CancellationToken.None);

        Assert.Equal(first.Version, again.Version);
        var replied = Assert.IsType<CustomerReplied>((await fixture.Store.ReadTicketAsync(ticket.Number, CancellationToken.None))[^1].Event);
        Assert.Equal(("ana@example.com", Domain.Tickets.Channel.Email, "<m1@example.com>"), (replied.Actor.Id, replied.Channel, replied.MessageId));
    }
}

using HelpDesk.Core.Alerts;
using HelpDesk.Core.Plugins;
using HelpDesk.Core.Queries;
using HelpDesk.Core.Tests.Tickets;
using HelpDesk.Core.Tickets;
using HelpDesk.Sdk;
using HelpDesk.Sdk.Tickets;
using Microsoft.Extensions.DependencyInjection;

namespace HelpDesk.Core.Tests.Plugins;

public sealed class PluginHelpDeskApiTests(TicketClusterFixture fixture) : IClassFixture<TicketClusterFixture>
{
    private PluginHelpDeskApi Api(string plugin = "monitoring")
    {
        var services = fixture.Cluster.Silos[0].ServiceProvider;
        return (PluginHelpDeskApi)services.GetRequiredService<PluginHubServices>().ApiFor(plugin);
    }

    private static NewTicket Alert(string? externalId = null) => new("Disk almost full on db01", "95% used on /var.", new Customer("ops@example.com", "Ops"))
    {
        Channel = TicketChannel.Monitoring,
        Priority = TicketPriority.High,
        Tags = ["disk"],
        ExternalId = externalId,
    };

    [Fact]
    public async Task A_plugin_opens_tickets_as_itself_and_reads_them_back()
    {
        var opened = await Api().OpenTicketAsync(Alert(), CancellationToken.None);

        var read = await Api().GetTicketAsync(opened.Number, CancellationToken.None);
        Assert.NotNull(read);
        Assert.Equal((Sdk.Tickets.TicketStatus.New, TicketPriority.High, "ops@example.com"), (read.Status, read.Priority, read.Requester.Email));
        var events = await fixture.Store.ReadTicketAsync(opened.Number, CancellationToken.None);
        Assert.Equal("plugin:monitoring", Assert.Single(events).Event.Actor.Id);
    }

    [Fact]
    public async Task Replies_and_notes_follow_the_same_rules_as_the_rest_api()
    {
        var api = Api();
        var ticket = await api.OpenTicketAsync(Alert(), CancellationToken.None);

        await api.AddAgentReplyAsync(ticket.Number, "We are on it.", CancellationToken.None);
        await api.ChangeStatusAsync(ticket.Number, Sdk.Tickets.TicketStatus.Pending, CancellationToken.None);
        await api.AddInternalNoteAsync(ticket.Number, "Rotating logs.", CancellationToken.None);
        var reopened = await api.AddCustomerReplyAsync(ticket.Number, "Still full.", CancellationToken.None);

        Assert.Equal(Sdk.Tickets.TicketStatus.Open, reopened.Status);
        var types = (await fixture.Store.ReadTicketAsync(ticket.Number, CancellationToken.None)).Select(e => e.Type);
        Assert.Equal(["ticket-opened", "agent-replied", "status-changed", "status-changed", "internal-note-added", "customer-replied", "status-changed"], types);
    }

    [Fact]
    public async Task A_refused_request_throws_naming_the_field_and_changes_nothing()
    {
        var api = Api();
        var ticket = await api.OpenTicketAsync(Alert(), CancellationToken.None);
        await api.ChangeStatusAsync(ticket.Number, Sdk.Tickets.TicketStatus.Closed, CancellationToken.None);

        var illegal = await Assert.ThrowsAsync<HelpDeskApiException>(() => api.ChangeStatusAsync(ticket.Number, Sdk.Tickets.TicketStatus.Pending, CancellationToken.None));
        var missing = await Assert.ThrowsAsync<HelpDeskApiException>(() => api.AddAgentReplyAsync(long.MaxValue - 7, "hello", CancellationToken.None));

        Assert.Equal((HelpDeskApiError.Invalid, "status"), (illegal.Kind, illegal.Field));
        Assert.Equal(HelpDeskApiError.NotFound, missing.Kind);
        Assert.Equal(2, (await fixture.Store.ReadTicketAsync(ticket.Number, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task Opening_again_with_the_same_external_id_returns_the_first_ticket_and_links_are_not_repeated()
    {
        var externalId = $"alert-{Guid.NewGuid():N}";
        var api = Api();
        var first = await api.OpenTicketAsync(Alert(externalId), CancellationToken.None);
        var second = await api.OpenTicketAsync(Alert(externalId), CancellationToken.None);

        var found = await api.FindByExternalIdAsync(externalId, CancellationToken.None);
        await api.LinkExternalIssueAsync(first.Number, new ExternalReference("jira", "OPS-12", "https://jira.example.com/browse/OPS-12"), CancellationToken.None);
        var linked = await api.LinkExternalIssueAsync(first.Number, new ExternalReference("jira", "OPS-12", "https://jira.example.com/browse/OPS-12"), CancellationToken.None);

        Assert.Equal(first.Number, second.Number);
        Assert.Equal([first.Number], found.Select(t => t.Number));
        Assert.Equal("OPS-12", Assert.Single(linked.ExternalReferences).Key);
    }

    [Fact]
    public void Every_sdk_enum_value_has_a_domain_counterpart()
    {
        foreach (var status in Enum.GetValues<Sdk.Tickets.TicketStatus>())
        {
            Assert.Equal(status.ToString(), SdkMapping.ToDomain(status).ToString());
        }

        foreach (var priority in Enum.GetValues<TicketPriority>())
        {
            Assert.Equal(priority.ToString(), SdkMapping.ToDomain(priority).ToString());
        }

        foreach (var channel in Enum.GetValues<TicketChannel>())
        {
            Assert.Equal(channel.ToString(), SdkMapping.ToCommand(Alert() with { Channel = channel }).Channel.ToString());
        }
    }
}

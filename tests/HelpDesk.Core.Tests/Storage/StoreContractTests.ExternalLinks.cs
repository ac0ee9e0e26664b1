using HelpDesk.Core.Queries;
using HelpDesk.Core.Storage;
using HelpDesk.Domain.Commands;
using HelpDesk.Domain.Tickets;

namespace HelpDesk.Core.Tests.Storage;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task Tickets_are_found_by_the_external_items_they_are_linked_to()
    {
        var first = await OpenTicketAsync();
        var second = await OpenTicketAsync();
        var unrelated = await OpenTicketAsync();
        await AppendedAsync(first.Link(new ExternalLink("jira", "OPS-12", "https://jira.example.com/browse/OPS-12")));
        await AppendedAsync(second.Link(new ExternalLink("jira", "OPS-12", null)));
        await AppendedAsync(second.Link(new ExternalLink("github", "acme/app#7", null)));
        await AppendedAsync(unrelated.Link(new ExternalLink("github", "OPS-12", null)));

        Assert.Equal([second.Number, first.Number], Numbers(await LinkedToAsync("jira", "OPS-12")));
        Assert.Equal([second.Number], Numbers(await LinkedToAsync("github", "acme/app#7")));
        Assert.Empty(Numbers(await LinkedToAsync("jira", "OPS-13")));
        Assert.Empty(Numbers(await LinkedToAsync("JIRA", "OPS-12")));
    }

    [Fact]
    public async Task An_external_update_shows_on_the_link_in_the_projection_and_is_read_back_from_the_log()
    {
        var ticket = await OpenTicketAsync();
        await AppendedAsync(ticket.Link(new ExternalLink("jira", "OPS-12", null)));
        var update = TicketDecider.RecordExternalUpdate(
            ticket.State, new RecordExternalUpdate("jira", "OPS-12", Status: "Done", Resolved: true, Author: "Eve Engineer"), TicketHistory.Agent, Clock.GetUtcNow());
        var result = ticket.State.Copy();
        result.Apply(Assert.Single(update.Events));

        await AppendedAsync(new TicketAppend(ticket.Number, ticket.State.Version, update.Events, result));

        AssertSameTicket(result, await Queries.GetAsync(ticket.Number, CancellationToken.None));
        Assert.Equal("Done", Assert.Single((await Queries.GetAsync(ticket.Number, CancellationToken.None))!.ExternalLinks).Status);
        var stored = (await Store.ReadTicketAsync(ticket.Number, CancellationToken.None))[^1];
        Assert.Equal("external-issue-updated", stored.Type);
        Assert.Equal(update.Events[0], stored.Event);
    }

    private Task<TicketPage> LinkedToAsync(string system, string key) =>
        Queries.ListAsync(new TicketQuery { LinkedTo = new ExternalLinkKey(system, key) }, CancellationToken.None);
}

using System.Net;
using HelpDesk.Server.Tests.Infrastructure;

namespace HelpDesk.Server.Tests.Apis;

public sealed class BadInputTests(BadInputFixture hub) : IClassFixture<BadInputFixture>
{
    [Theory]
    [MemberData(nameof(BadInputCases.Names), MemberType = typeof(BadInputCases))]
    public async Task Is_refused_with_a_problem_naming_the_field_and_stores_nothing(string name)
    {
        var bad = BadInputCases.All[name];
        var before = await hub.App.SnapshotStoreAsync();

        using var response = await hub.SendAsync(bad);

        await ProblemAssert.IsProblemAsync(response, bad.Status, bad.Field);
        Assert.Equal(before, await hub.App.SnapshotStoreAsync());
    }

    [Fact]
    public void The_catalogue_holds_at_least_30_kinds_of_bad_input_all_answered_4xx()
    {
        Assert.True(BadInputCases.All.Count >= 30, $"Only {BadInputCases.All.Count} cases.");
        Assert.All(BadInputCases.All.Values, bad => Assert.InRange((int)bad.Status, 400, 499));
    }

    [Fact]
    public async Task A_valid_request_does_change_the_snapshot_so_an_unchanged_one_means_something()
    {
        var before = await hub.App.SnapshotStoreAsync();
        var number = await hub.Agent.CreateTicketNumberAsync(TicketClient.NewTicket(email: "control@example.com"));

        Assert.NotEqual(before, await hub.App.SnapshotStoreAsync());
        Assert.Equal(HttpStatusCode.OK, (await hub.Agent.GetAsync($"/api/v1/tickets/{number}")).StatusCode);
    }
}

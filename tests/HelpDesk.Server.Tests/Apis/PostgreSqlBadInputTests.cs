using System.Net;
using System.Net.Http.Json;
using HelpDesk.Core.Security;
using HelpDesk.Server.Tests.Infrastructure;
using HelpDesk.TestSupport;

namespace HelpDesk.Server.Tests.Apis;

/// <summary>
/// Text PostgreSQL cannot store (a NUL character) must be refused before it reaches the ticket grain:
/// an append that fails in the store must neither answer 5xx nor leave the ticket unable to change.
/// </summary>
public sealed class PostgreSqlBadInputTests
{
    [Fact]
    public async Task A_nul_in_an_author_name_is_refused_and_the_ticket_stays_writable()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var app = HelpDeskApp.PostgreSql(database.ConnectionString);
        var agent = await app.NewKeyAsync(ApiKeyScope.Agent);
        var number = await agent.CreateTicketNumberAsync();
        var before = await app.SnapshotStoreAsync();

        using var message = await agent.PostAsJsonAsync($"/api/v1/tickets/{number}/messages", new { body = "hi", author = new { id = "ana", name = "An\u0000a" } });
        var afterMessage = await app.SnapshotStoreAsync();
        using var update = await agent.PatchAsJsonAsync($"/api/v1/tickets/{number}", new { priority = "high" });

        Assert.Multiple(
            () => Assert.True(message.StatusCode == HttpStatusCode.UnprocessableEntity, $"The message got {(int)message.StatusCode}, not 422."),
            () => Assert.Equal(before, afterMessage),
            () => Assert.True(update.StatusCode == HttpStatusCode.OK, $"A valid update afterwards got {(int)update.StatusCode}, not 200."));
        await ProblemAssert.IsProblemAsync(message, HttpStatusCode.UnprocessableEntity, "author.name");
    }
}

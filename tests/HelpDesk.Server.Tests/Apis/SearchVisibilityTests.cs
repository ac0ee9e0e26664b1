using System.Net;
using HelpDesk.Core.Security;
using HelpDesk.Server.Tests.Infrastructure;

namespace HelpDesk.Server.Tests.Apis;

/// <summary>Acceptance 6: agents find tickets by their internal notes; a customer's key never sees or matches them.</summary>
public sealed class SearchVisibilityTests(HubFixture hub) : IClassFixture<HubFixture>
{
    private HelpDeskApp App => hub.App;

    [Fact]
    public async Task An_agent_finds_a_ticket_by_a_word_of_an_internal_note_and_a_customer_key_does_not()
    {
        var (email, noteWord, replyWord) = (Unique("cust") + "@example.com", Unique("note"), Unique("reply"));
        var agent = await App.NewKeyAsync(ApiKeyScope.Agent);
        var number = await agent.CreateTicketNumberAsync(TicketClient.NewTicket(email: email));
        await agent.AddMessageAsync(number, $"Customer is on the legacy plan, code {noteWord}.", "internal");
        await agent.AddMessageAsync(number, $"We are looking into it ({replyWord}).");
        var customer = await App.NewKeyAsync(ApiKeyScope.Integration, email);

        Assert.Equal([number], await agent.ListNumbersAsync($"q={noteWord}"));
        Assert.Empty(await customer.ListNumbersAsync($"q={noteWord}"));
        Assert.Equal([number], await customer.ListNumbersAsync($"q={replyWord}")); // the customer's search does work
    }

    [Fact]
    public async Task A_customer_key_never_reads_an_internal_note_in_the_ticket_its_messages_its_events_or_the_list()
    {
        var (email, noteWord) = (Unique("cust") + "@example.com", Unique("note"));
        var agent = await App.NewKeyAsync(ApiKeyScope.Agent);
        var number = await agent.CreateTicketNumberAsync(TicketClient.NewTicket(email: email));
        await agent.AddMessageAsync(number, "Public answer.");
        await agent.AddMessageAsync(number, $"Internal: {noteWord}", "internal");
        var customer = await App.NewKeyAsync(ApiKeyScope.Integration, email);

        // The agent sees the note everywhere, so its absence below is the filter at work.
        Assert.Equal(1, (await agent.GetJsonAsync($"/api/v1/tickets/{number}")).GetProperty("internalNoteCount").GetInt32());
        Assert.Contains(noteWord, await agent.GetStringAsync($"/api/v1/tickets/{number}/messages"), StringComparison.Ordinal);
        Assert.Contains(noteWord, await agent.GetStringAsync($"/api/v1/tickets/{number}/events"), StringComparison.Ordinal);

        var ticket = await customer.GetJsonAsync($"/api/v1/tickets/{number}");
        Assert.False(ticket.TryGetProperty("internalNoteCount", out _));
        var messages = (await customer.GetJsonAsync($"/api/v1/tickets/{number}/messages")).GetProperty("items").EnumerateArray().ToList();
        Assert.All(messages, m => Assert.Equal("public", m.GetProperty("visibility").GetString()));
        Assert.Contains(messages, m => m.GetProperty("body").GetString() == "Public answer.");
        var events = await customer.EventsAsync(number);
        Assert.DoesNotContain(events, e => e.GetProperty("type").GetString() == "internal-note-added");
        var publicVersions = (await agent.EventsAsync(number))
            .Where(e => e.GetProperty("type").GetString() != "internal-note-added").Select(e => e.GetProperty("version").GetInt32());
        Assert.Equal(publicVersions, events.Select(e => e.GetProperty("version").GetInt32()));

        foreach (var url in new[] { $"/api/v1/tickets/{number}", $"/api/v1/tickets/{number}/messages", $"/api/v1/tickets/{number}/events", "/api/v1/tickets" })
        {
            var body = await customer.GetStringAsync(url);
            Assert.DoesNotContain(noteWord, body, StringComparison.Ordinal);
            Assert.DoesNotContain("internalNoteCount", body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_customer_key_searches_only_its_own_tickets()
    {
        var word = Unique("shared");
        var agent = await App.NewKeyAsync(ApiKeyScope.Agent);
        var mine = await agent.CreateTicketNumberAsync(TicketClient.NewTicket(email: "mine-search@example.com", description: $"Error {word}"));
        var theirs = await agent.CreateTicketNumberAsync(TicketClient.NewTicket(email: "theirs-search@example.com", description: $"Error {word}"));
        var customer = await App.NewKeyAsync(ApiKeyScope.Integration, "mine-search@example.com");

        Assert.Equal([theirs, mine], await agent.ListNumbersAsync($"q={word}"));
        Assert.Equal([mine], await customer.ListNumbersAsync($"q={word}"));
        Assert.Equal([mine], await customer.ListNumbersAsync($"q={word}&requester=theirs-search@example.com"));
    }

    [Theory]
    [InlineData("\"{0}\"")]
    [InlineData("{0}*")]
    [InlineData("({0})")]
    [InlineData("^{0}")]
    [InlineData("-{0}")]
    [InlineData("{0}:")]
    [InlineData("'{0}'; --")]
    [InlineData("%{0}_")]
    [InlineData("{0}\\")]
    [InlineData("+{0}&|")]
    [InlineData("{0} {0} {0}")]
    public async Task Words_wrapped_in_query_language_metacharacters_are_searched_as_plain_words(string pattern)
    {
        var word = Unique("meta");
        var agent = await App.NewKeyAsync(ApiKeyScope.Agent);
        var number = await agent.CreateTicketNumberAsync(TicketClient.NewTicket(subject: $"Scanner {word} jammed", email: "meta@example.com"));
        var q = Uri.EscapeDataString(pattern.Replace("{0}", word, StringComparison.Ordinal));

        using var response = await agent.GetAsync($"/api/v1/tickets?q={q}");
        var page = await ProblemAssert.IsSuccessAsync(response, HttpStatusCode.OK);
        Assert.Equal([number], page.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("number").GetInt64()));
    }

    [Theory]
    [InlineData("x' OR 1=1; DROP TABLE tickets; --")]
    [InlineData("\" OR \"\"=\"")]
    [InlineData("body:secret AND NOT public")]
    [InlineData("a* NEAR/2 b^ c:d (e OR f)")]
    public async Task A_query_with_words_and_injection_attempts_answers_200_and_harms_nothing(string q)
    {
        var agent = await App.NewKeyAsync(ApiKeyScope.Agent);
        var number = await agent.CreateTicketNumberAsync();
        var before = await App.SnapshotStoreAsync();

        using var response = await agent.GetAsync($"/api/v1/tickets?q={Uri.EscapeDataString(q)}");
        await ProblemAssert.IsSuccessAsync(response, HttpStatusCode.OK);

        Assert.Equal(before, await App.SnapshotStoreAsync());
        Assert.Equal(number, (await agent.GetJsonAsync($"/api/v1/tickets/{number}")).GetProperty("number").GetInt64());
    }

    [Fact]
    public async Task A_query_with_words_and_invalid_utf8_answers_200()
    {
        var agent = await App.NewKeyAsync(ApiKeyScope.Agent);

        using var response = await agent.GetAsync("/api/v1/tickets?q=printer%20%FF%FE%C3%28");

        var page = await ProblemAssert.IsSuccessAsync(response, HttpStatusCode.OK);
        Assert.Equal(System.Text.Json.JsonValueKind.Array, page.GetProperty("items").ValueKind);
    }

    [Fact]
    public async Task A_query_of_metacharacters_only_gets_400_naming_q()
    {
        var agent = await App.NewKeyAsync(ApiKeyScope.Agent);
        await ProblemAssert.IsProblemAsync(agent.GetAsync($"/api/v1/tickets?q={Uri.EscapeDataString("\"*():^-")}"), HttpStatusCode.BadRequest, "q");
    }

    // Letters only, so the full-text tokenizer keeps it one word.
    private static string Unique(string prefix) => prefix + string.Concat(Guid.NewGuid().ToString("N").Select(c => (char)('a' + (Convert.ToInt32(c.ToString(), 16)))));
}

using HelpDesk.Core.Queries;

namespace HelpDesk.Core.Tests.Storage;

public abstract partial class StoreContractTests
{
    [Theory]
    [InlineData("subject")]
    [InlineData("description")]
    [InlineData("reply")]
    [InlineData("customer reply")]
    [InlineData("note")]
    public async Task A_word_is_found_wherever_in_the_ticket_it_was_written(string where)
    {
        await OpenTicketAsync();
        var ticket = await TicketWithTextAsync(where, "The zanzibar printer is jammed");
        await OpenTicketAsync();

        Assert.Equal([ticket.Number], await SearchAsync("zanzibar"));
        Assert.Equal([ticket.Number], await SearchAsync("ZANZIBAR"));
    }

    [Fact]
    public async Task A_ticket_matches_only_when_it_holds_every_word()
    {
        var both = await OpenTicketAsync(o => o with { Description = "The printer on floor three is jammed." });
        await OpenTicketAsync(o => o with { Description = "The printer is out of toner." });

        Assert.Equal([both.Number], await SearchAsync("printer jammed"));
        Assert.Empty(await SearchAsync("printer scanner"));
    }

    [Fact]
    public async Task Accented_words_are_found()
    {
        var ticket = await OpenTicketAsync(o => o with { Description = "Le café de la salle de réunion est froid." });

        Assert.Equal([ticket.Number], await SearchAsync("réunion café"));
    }

    [Fact]
    public async Task A_word_typed_without_its_accents_still_finds_it()
    {
        var ticket = await OpenTicketAsync(o => o with { Description = "Le café de la salle de réunion est froid." });

        Assert.Equal([ticket.Number], await SearchAsync("reunion cafe"));
    }

    // The API cuts "dana@example.com" into dana, example, com: each must be findable however the engine tokenises the text.
    [Theory]
    [InlineData("Please reply to dana@example.com today.", "dana@example.com")]
    [InlineData("See https://jira.example.com/browse/HW-12 for details.", "jira")]
    [InlineData("See https://jira.example.com/browse/HW-12 for details.", "HW-12")]
    [InlineData("Server db01.corp.local is down.", "db01")]
    [InlineData("Fails since version 2.5.1 was installed.", "2.5.1")]
    [InlineData("The log file is setup.log in the temp folder.", "setup log")]
    public async Task Words_inside_addresses_links_host_names_and_versions_are_found(string description, string searchBox)
    {
        var ticket = await OpenTicketAsync(o => o with { Description = description });
        await OpenTicketAsync();

        Assert.Equal([ticket.Number], await SearchAsync(searchBox));
    }

    [Fact]
    public async Task A_word_only_in_an_internal_note_is_not_found_for_customers()
    {
        var ticket = await OpenTicketAsync();
        await AppendedAsync(ticket.Note("Suspect the quokka firmware."));
        await AppendedAsync(ticket.Reply("We are checking the firmware."));

        Assert.Empty(await SearchAsync("quokka", includeInternal: false));
        Assert.Equal([ticket.Number], await SearchAsync("quokka", includeInternal: true));
        Assert.Equal([ticket.Number], await SearchAsync("firmware", includeInternal: false));
    }

    [Theory]
    [InlineData("\"printer", true)]
    [InlineData("printer*", true)]
    [InlineData("(printer)", true)]
    [InlineData("* OR printer", false)]
    [InlineData("printer NEAR scanner", false)]
    [InlineData("NEAR(printer scanner, 2)", false)]
    [InlineData("printer AND NOT scanner", false)]
    [InlineData("body:printer OR subject:x", false)]
    [InlineData("printer'; DROP TABLE tickets; --", false)]
    [InlineData("(printer) | !scanner & ''", false)]
    public async Task Query_language_in_the_search_box_is_searched_as_plain_words(string searchBox, bool findsThePrinterTicket)
    {
        var printer = await OpenTicketAsync(o => o with { Description = "Our printer is jammed." });
        await OpenTicketAsync(o => o with { Description = "Cannot log in." });

        var found = await SearchAsync(searchBox);

        List<long> expected = findsThePrinterTicket ? [printer.Number] : [];
        Assert.Equal(expected, found);
        Assert.Equal(2, await ScalarAsync("SELECT COUNT(*) FROM tickets"));
    }

    [Fact]
    public async Task Operator_names_are_ordinary_words_that_match_where_they_were_written()
    {
        var near = await OpenTicketAsync(o => o with { Description = "The printer near the door is jammed." });
        await OpenTicketAsync(o => o with { Description = "The printer by the window is jammed." });

        Assert.Equal([near.Number], await SearchAsync("printer NEAR door"));
        Assert.Empty(await SearchAsync("printer OR window AND door"));
    }

    private async Task<TicketHistory> TicketWithTextAsync(string where, string text)
    {
        var ticket = await OpenTicketAsync(o => where switch
        {
            "subject" => o with { Subject = text },
            "description" => o with { Description = text },
            _ => o,
        });
        switch (where)
        {
            case "reply":
                await AppendedAsync(ticket.Reply(text));
                break;
            case "customer reply":
                await AppendedAsync(ticket.CustomerReply(text));
                break;
            case "note":
                await AppendedAsync(ticket.Note(text));
                break;
        }

        return ticket;
    }

    private async Task<List<long>> SearchAsync(string searchBox, bool includeInternal = true)
    {
        var page = await Queries.ListAsync(new TicketQuery { Words = SearchText.Words(searchBox), IncludeInternal = includeInternal }, CancellationToken.None);
        return [.. Numbers(page).Order()];
    }
}

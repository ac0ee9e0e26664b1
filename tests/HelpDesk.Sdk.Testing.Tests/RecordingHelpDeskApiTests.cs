using HelpDesk.Sdk.Tickets;
using Microsoft.Extensions.Time.Testing;

namespace HelpDesk.Sdk.Testing.Tests;

public sealed class RecordingHelpDeskApiTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly RecordingHelpDeskApi _api;

    public RecordingHelpDeskApiTests() => _api = new RecordingHelpDeskApi(_time);

    [Fact]
    public async Task Tickets_are_numbered_from_one_and_start_new_at_version_one()
    {
        var first = await _api.OpenTicketAsync(Tickets.New(), default);
        var second = await _api.OpenTicketAsync(Tickets.New(" Second "), default);

        Assert.Equal((1L, 1, TicketStatus.New, TicketPriority.Normal), (first.Number, first.Version, first.Status, first.Priority));
        Assert.Equal((2L, "Second"), (second.Number, second.Subject));
        Assert.Equal("Second", (await _api.GetTicketAsync(2, default))!.Subject);
        Assert.Null(await _api.GetTicketAsync(3, default));
    }

    [Fact]
    public async Task Every_event_adds_a_version_and_stamps_the_time()
    {
        var ticket = _api.Seed(Tickets.New());
        _time.Advance(TimeSpan.FromMinutes(5));

        var noted = await _api.AddInternalNoteAsync(ticket.Number, "Looking.", default);
        var prioritised = await _api.ChangePriorityAsync(ticket.Number, TicketPriority.High, default);

        Assert.Equal((2, TicketStatus.New), (noted.Version, noted.Status));
        Assert.Equal((3, TicketPriority.High), (prioritised.Version, prioritised.Priority));
        Assert.Equal((ticket.CreatedAt, ticket.CreatedAt.AddMinutes(5)), (prioritised.CreatedAt, prioritised.UpdatedAt));
    }

    [Fact]
    public async Task Agent_reply_opens_a_new_ticket()
    {
        var ticket = _api.Seed(Tickets.New());

        var answered = await _api.AddAgentReplyAsync(ticket.Number, "On it.", default);

        Assert.Equal((TicketStatus.Open, 3), (answered.Status, answered.Version));
        Assert.Equal(MessageKind.AgentReply, Assert.Single(_api.Messages).Kind);
    }

    [Theory]
    [InlineData(TicketStatus.Pending, TicketStatus.Open, 4)]
    [InlineData(TicketStatus.Solved, TicketStatus.Open, 4)]
    [InlineData(TicketStatus.OnHold, TicketStatus.OnHold, 3)]
    [InlineData(TicketStatus.New, TicketStatus.New, 2)]
    public async Task Customer_reply_reopens_only_tickets_waiting_on_the_customer_or_solved(TicketStatus before, TicketStatus after, int version)
    {
        var ticket = _api.Seed(Tickets.New());
        if (before != TicketStatus.New)
        {
            await _api.ChangeStatusAsync(ticket.Number, before, default);
        }

        var replied = await _api.AddCustomerReplyAsync(ticket.Number, "Any news?", default);

        Assert.Equal((after, version), (replied.Status, replied.Version));
    }

    [Fact]
    public async Task Status_moves_follow_the_hub_s_rules()
    {
        var ticket = _api.Seed(Tickets.New(), TicketStatus.Solved);

        var refusal = await Assert.ThrowsAsync<HelpDeskApiException>(() => _api.ChangeStatusAsync(ticket.Number, TicketStatus.Pending, default));
        var unchanged = await _api.ChangeStatusAsync(ticket.Number, TicketStatus.Solved, default);

        Assert.Equal((HelpDeskApiError.Invalid, "status"), (refusal.Kind, refusal.Field));
        Assert.Equal("A ticket cannot go from solved to pending; allowed: open, closed.", refusal.Message);
        Assert.Equal(ticket.Version, unchanged.Version);
    }

    [Fact]
    public async Task A_closed_ticket_is_final()
    {
        var ticket = _api.Seed(Tickets.New(), TicketStatus.Closed);

        var reopen = await Assert.ThrowsAsync<HelpDeskApiException>(() => _api.ChangeStatusAsync(ticket.Number, TicketStatus.Open, default));
        var reply = await Assert.ThrowsAsync<HelpDeskApiException>(() => _api.AddCustomerReplyAsync(ticket.Number, "Hello?", default));
        var priority = await Assert.ThrowsAsync<HelpDeskApiException>(() => _api.ChangePriorityAsync(ticket.Number, TicketPriority.Urgent, default));
        var tags = await Assert.ThrowsAsync<HelpDeskApiException>(() => _api.AddTagsAsync(ticket.Number, ["late"], default));

        Assert.Equal((HelpDeskApiError.Invalid, "status"), (reopen.Kind, reopen.Field));
        Assert.All([reply, priority, tags], refusal => Assert.Equal((HelpDeskApiError.Conflict, "status"), (refusal.Kind, refusal.Field)));
        AssertUnchanged(ticket, await _api.GetTicketAsync(ticket.Number, default));
    }

    [Fact]
    public async Task Tags_are_lower_cased_kept_once_and_sorted()
    {
        var ticket = _api.Seed(Tickets.New(tags: ["Billing", "billing"]));

        var tagged = await _api.AddTagsAsync(ticket.Number, [" VIP ", "Billing", "api"], default);
        var again = await _api.AddTagsAsync(ticket.Number, ["vip"], default);

        Assert.Equal(["billing"], ticket.Tags);
        Assert.Equal(["api", "billing", "vip"], tagged.Tags);
        Assert.Equal(tagged.Version, again.Version);
        Assert.Equal(tagged.Tags, again.Tags);
    }

    [Fact]
    public async Task A_tag_with_a_space_is_refused_naming_its_position()
    {
        var ticket = _api.Seed(Tickets.New());

        var refusal = await Assert.ThrowsAsync<HelpDeskApiException>(() => _api.AddTagsAsync(ticket.Number, ["ok", "not ok"], default));

        Assert.Equal((HelpDeskApiError.Invalid, "addTags[1]"), (refusal.Kind, refusal.Field));
    }

    [Fact]
    public async Task Linking_the_same_item_twice_changes_nothing()
    {
        var ticket = _api.Seed(Tickets.New());
        var issue = new ExternalReference("jira", "OPS-12", "https://jira.example.com/browse/OPS-12");

        var linked = await _api.LinkExternalIssueAsync(ticket.Number, issue, default);
        var again = await _api.LinkExternalIssueAsync(ticket.Number, issue with { Url = null }, default);

        Assert.Equal([issue], again.ExternalReferences);
        Assert.Equal((2, 2), (linked.Version, again.Version));
    }

    [Fact]
    public async Task Find_by_external_id_returns_matching_tickets_newest_first()
    {
        _api.Seed(Tickets.New(externalId: "alert-1"));
        _api.Seed(Tickets.New(externalId: "alert-2"));
        _api.Seed(Tickets.New(externalId: "alert-1"));

        var found = await _api.FindByExternalIdAsync("alert-1", default);

        Assert.Equal([3L, 1L], found.Select(t => t.Number));
    }

    [Theory]
    [InlineData("", "ada@example.com", "subject")]
    [InlineData("Line one\nline two", "ada@example.com", "subject")]
    [InlineData("Fine", "not-an-address", "requester.email")]
    [InlineData("Fine", "ada@localhost", "requester.email")]
    public async Task Opening_an_invalid_ticket_is_refused_naming_the_field(string subject, string email, string field)
    {
        var ticket = new NewTicket(subject, "Text.", new Customer(email));

        var refusal = await Assert.ThrowsAsync<HelpDeskApiException>(() => _api.OpenTicketAsync(ticket, default));

        Assert.Equal((HelpDeskApiError.Invalid, field), (refusal.Kind, refusal.Field));
        Assert.Null(await _api.GetTicketAsync(1, default));
    }

    [Fact]
    public async Task Requester_email_is_lower_cased()
    {
        var ticket = await _api.OpenTicketAsync(new NewTicket("Hi", "Text.", new Customer("Ada@Example.COM")), default);

        Assert.Equal("ada@example.com", ticket.Requester.Email);
    }

    [Fact]
    public async Task Changing_an_unknown_ticket_is_refused_as_not_found()
    {
        var refusal = await Assert.ThrowsAsync<HelpDeskApiException>(() => _api.AddInternalNoteAsync(42, "Hello", default));

        Assert.Equal((HelpDeskApiError.NotFound, "number"), (refusal.Kind, refusal.Field));
    }

    [Fact]
    public async Task Every_call_is_recorded_with_its_arguments_and_refusal_but_seeding_is_not()
    {
        var ticket = _api.Seed(Tickets.New());

        await _api.AddTagsAsync(ticket.Number, ["a"], default);
        await Assert.ThrowsAsync<HelpDeskApiException>(() => _api.AddAgentReplyAsync(ticket.Number, " ", default));

        Assert.Collection(
            _api.Calls,
            tags => Assert.Equal((nameof(IHelpDeskApi.AddTagsAsync), false), (tags.Method, tags.Refused)),
            reply =>
            {
                Assert.Equal(nameof(IHelpDeskApi.AddAgentReplyAsync), reply.Method);
                Assert.Equal([ticket.Number, " "], reply.Arguments);
                Assert.Equal("body", reply.Refusal!.Field);
            });
        Assert.Single(_api.CallsTo(nameof(IHelpDeskApi.AddAgentReplyAsync)));
        Assert.Empty(_api.Messages);
    }

    [Fact]
    public async Task A_cancelled_call_changes_and_records_nothing()
    {
        var ticket = _api.Seed(Tickets.New());

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _api.AddInternalNoteAsync(ticket.Number, "Late", new CancellationToken(canceled: true)));

        Assert.Empty(_api.Calls);
        AssertUnchanged(ticket, await _api.GetTicketAsync(ticket.Number, default));
    }

    // Snapshots hold lists, which records compare by reference: compare what an event would change instead.
    private static void AssertUnchanged(TicketSnapshot before, TicketSnapshot? after)
    {
        Assert.NotNull(after);
        Assert.Equal((before.Version, before.Status, before.Priority, before.UpdatedAt), (after.Version, after.Status, after.Priority, after.UpdatedAt));
        Assert.Equal(before.Tags, after.Tags);
    }
}

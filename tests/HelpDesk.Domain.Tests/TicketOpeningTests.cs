using HelpDesk.Domain.Commands;
using HelpDesk.Domain.Events;
using HelpDesk.Domain.Tickets;
using static HelpDesk.Domain.Tests.Builders;

namespace HelpDesk.Domain.Tests;

public sealed class TicketOpeningTests
{
    [Fact]
    public void Opening_normalises_the_requester_and_starts_as_new_with_normal_priority()
    {
        var state = Opened();

        Assert.Equal(TicketStatus.New, state.Status);
        Assert.Equal(Priority.Normal, state.Priority);
        Assert.Equal("ana@example.com", state.Requester!.Email);
        Assert.Equal("America/Sao_Paulo", state.Requester.TimeZone);
        Assert.Equal(1, state.Version);
        Assert.Equal(42, state.Number);
    }

    [Theory]
    [InlineData(Impact.High, Urgency.High, Priority.Urgent)]
    [InlineData(Impact.High, Urgency.Low, Priority.Normal)]
    [InlineData(Impact.Medium, Urgency.Medium, Priority.Normal)]
    [InlineData(Impact.Low, Urgency.Low, Priority.Low)]
    public void Impact_and_urgency_set_the_priority_through_the_matrix(Impact impact, Urgency urgency, Priority expected)
    {
        var decision = Decider.Open(new TicketState(), 1, NewTicket() with { Impact = impact, Urgency = urgency }, Agent, Now);

        Assert.Equal(expected, Assert.IsType<TicketOpened>(Assert.Single(decision.Events)).Priority);
    }

    [Fact]
    public void A_configured_matrix_replaces_the_default_rows_it_names()
    {
        var matrix = PriorityMatrix.FromRows(new Dictionary<Impact, Priority[]> { [Impact.Low] = [Priority.High, Priority.High, Priority.Urgent] });

        Assert.Equal(Priority.High, matrix.For(Impact.Low, Urgency.Low));
        Assert.Equal(Priority.Urgent, matrix.For(Impact.High, Urgency.High));
    }

    [Fact]
    public void Priority_and_impact_together_are_ambiguous()
    {
        var decision = Decider.Open(new TicketState(), 1, NewTicket() with { Priority = Priority.Low, Impact = Impact.High, Urgency = Urgency.High }, Agent, Now);

        Assert.Equal("priority", decision.Rejection?.Field);
    }

    [Theory]
    [InlineData("", "subject")]
    [InlineData("two\nlines", "subject")]
    public void A_bad_subject_is_refused_naming_the_field(string subject, string field)
    {
        var decision = Decider.Open(new TicketState(), 1, NewTicket(subject), Agent, Now);

        Assert.Equal(RejectionKind.Invalid, decision.Rejection?.Kind);
        Assert.Equal(field, decision.Rejection?.Field);
        Assert.Empty(decision.Events);
    }

    [Theory]
    [InlineData("not-an-email", null, null, "requester.email")]
    [InlineData("ana@localhost", null, null, "requester.email")]
    [InlineData("ana@example.com", "english please", null, "requester.language")]
    [InlineData("ana@example.com", "en", "Mars/Olympus_Mons", "requester.timeZone")]
    public void A_bad_requester_is_refused_naming_the_field(string email, string? language, string? zone, string field)
    {
        var command = NewTicket() with { Requester = new Requester(email, null, language, zone, null) };

        Assert.Equal(field, Decider.Open(new TicketState(), 1, command, Agent, Now).Rejection?.Field);
    }

    [Fact]
    public void Tags_are_lower_cased_and_deduplicated_and_bad_ones_are_named_by_index()
    {
        var good = Decider.Open(new TicketState(), 1, NewTicket() with { Tags = ["VIP", "vip", "billing"] }, Agent, Now);
        var bad = Decider.Open(new TicketState(), 1, NewTicket() with { Tags = ["ok", "has space"] }, Agent, Now);

        Assert.Equal(["vip", "billing"], Assert.IsType<TicketOpened>(Assert.Single(good.Events)).Tags);
        Assert.Equal("tags[1]", bad.Rejection?.Field);
    }

    [Fact]
    public void Opening_an_existing_ticket_is_a_conflict()
    {
        Assert.Equal(RejectionKind.Conflict, Decider.Open(Opened(), 42, NewTicket(), Agent, Now).Rejection?.Kind);
    }
}

using HelpDesk.Domain.Commands;
using HelpDesk.Domain.Events;
using HelpDesk.Domain.Tickets;
using static HelpDesk.Domain.Tests.Builders;

namespace HelpDesk.Domain.Tests;

public sealed class ExternalIssueUpdateTests
{
    private static readonly Actor Jira = new(ActorKind.Integration, "plugin:jira", "jira");

    [Fact]
    public void An_update_on_a_linked_issue_is_an_event_with_actor_and_time_and_moves_the_links_status()
    {
        var state = Linked();

        var updated = Assert.IsType<ExternalIssueUpdated>(Assert.Single(Apply(state, TicketDecider.RecordExternalUpdate(
            state, new RecordExternalUpdate("jira", "OPS-12", " Done ", Resolved: true, Author: "Eve"), Jira, Now))));

        Assert.Equal((Jira, Now, "Done", (bool?)true, "Eve"), (updated.Actor, updated.At, updated.Status, updated.Resolved, updated.Author));
        Assert.Equal(new ExternalLink("jira", "OPS-12", "https://jira.example.com/browse/OPS-12", "Done"), Assert.Single(state.ExternalLinks));
    }

    [Fact]
    public void An_issue_the_ticket_is_not_linked_to_is_refused_naming_the_key()
    {
        var state = Linked();

        var rejection = TicketDecider.RecordExternalUpdate(state, new RecordExternalUpdate("jira", "OPS-99", "Done"), Jira, Now).Rejection;
        var otherSystem = TicketDecider.RecordExternalUpdate(state, new RecordExternalUpdate("github", "OPS-12", "closed"), Jira, Now).Rejection;

        Assert.Equal((RejectionKind.Invalid, "key"), (rejection?.Kind, rejection?.Field));
        Assert.Contains("OPS-99", rejection!.Message, StringComparison.Ordinal);
        Assert.Equal("key", otherSystem?.Field);
    }

    [Theory]
    [InlineData("", "OPS-12", "Done", null, "system")]
    [InlineData("jira", "OPS-12", "Done\nagain", null, "status")]
    [InlineData("jira", "OPS-12", null, null, "status")]
    [InlineData("jira", "OPS-12", "Done", "not\u0001text", "comment")]
    public void Bad_fields_are_refused_by_name(string system, string key, string? status, string? comment, string field)
    {
        var state = Linked();

        Assert.Equal(field, TicketDecider.RecordExternalUpdate(state, new RecordExternalUpdate(system, key, status, Comment: comment), Jira, Now).Rejection?.Field);
    }

    [Fact]
    public void A_redelivered_status_changes_nothing_but_a_comment_always_counts()
    {
        var state = Linked();
        Apply(state, TicketDecider.RecordExternalUpdate(state, new RecordExternalUpdate("jira", "OPS-12", "Done"), Jira, Now));

        Assert.Empty(Apply(state, TicketDecider.RecordExternalUpdate(state, new RecordExternalUpdate("jira", "OPS-12", "Done"), Jira, Now)));
        Assert.Single(Apply(state, TicketDecider.RecordExternalUpdate(state, new RecordExternalUpdate("jira", "OPS-12", "Done", Comment: "Shipped."), Jira, Now)));
    }

    [Fact]
    public void A_comment_redelivered_with_the_same_id_is_recorded_once_and_survives_a_replay_of_the_log()
    {
        var state = Linked();
        var comment = new RecordExternalUpdate("jira", "OPS-12", Comment: "Fixed in 2.4.", Id: "comment-10042");

        var first = Apply(state, TicketDecider.RecordExternalUpdate(state, comment, Jira, Now));
        var again = TicketDecider.RecordExternalUpdate(state, comment, Jira, Now);
        var another = TicketDecider.RecordExternalUpdate(state, comment with { Id = "comment-10043" }, Jira, Now);
        var replayed = new TicketState();
        foreach (var @event in first)
        {
            replayed.Apply(@event);
        }

        Assert.Equal("comment-10042", Assert.IsType<ExternalIssueUpdated>(Assert.Single(first)).UpdateId);
        Assert.Empty(again.Events);
        Assert.Single(another.Events);
        Assert.Contains("comment-10042", replayed.ExternalUpdateIds);
    }

    [Fact]
    public void A_done_issue_sends_a_waiting_ticket_back_to_open_for_its_agent_unless_configured_not_to()
    {
        var waiting = Linked();
        Apply(waiting, Decider.Update(waiting, new UpdateTicket { Status = TicketStatus.OnHold }, Agent, Now));
        var keptWaiting = waiting.Copy();
        var working = Linked();
        var done = new RecordExternalUpdate("jira", "OPS-12", "Done", Resolved: true);

        var reopened = Apply(waiting, TicketDecider.RecordExternalUpdate(waiting, done, Jira, Now));
        var notReopened = TicketDecider.RecordExternalUpdate(keptWaiting, done, Jira, Now, reopenWhenDone: false);
        var alreadyOpen = TicketDecider.RecordExternalUpdate(working, done, Jira, Now);

        Assert.Equal([typeof(ExternalIssueUpdated), typeof(StatusChanged)], reopened.Select(e => e.GetType()));
        Assert.Equal(TicketStatus.Open, waiting.Status);
        Assert.Single(notReopened.Events);
        Assert.Single(alreadyOpen.Events);
    }

    [Fact]
    public void News_on_a_closed_ticket_is_refused_but_a_redelivery_is_not()
    {
        var state = Linked();
        Apply(state, TicketDecider.RecordExternalUpdate(state, new RecordExternalUpdate("jira", "OPS-12", "Done"), Jira, Now));
        Apply(state, Decider.Update(state, new UpdateTicket { Status = TicketStatus.Closed }, Agent, Now));

        Assert.Empty(Apply(state, TicketDecider.RecordExternalUpdate(state, new RecordExternalUpdate("jira", "OPS-12", "Done"), Jira, Now)));
        Assert.Equal(RejectionKind.Conflict, TicketDecider.RecordExternalUpdate(state, new RecordExternalUpdate("jira", "OPS-12", "Reopened"), Jira, Now).Rejection?.Kind);
    }

    [Fact]
    public void A_customer_message_already_on_the_ticket_is_not_added_again()
    {
        var state = Opened();
        var email = new AddMessage("Any news?", MessageVisibility.Public, Customer, Channel.Email, "<m1@example.com>");

        var first = Assert.IsType<CustomerReplied>(Assert.Single(Apply(state, TicketDecider.AddMessage(state, email, Now))));

        Assert.Equal((Channel.Email, "<m1@example.com>"), (first.Channel, first.MessageId));
        Assert.Empty(Apply(state, TicketDecider.AddMessage(state, email, Now)));
        Assert.Equal("<m1@example.com>", Assert.Single(state.MessageIds));
    }

    private static TicketState Linked()
    {
        var state = Opened();
        Apply(state, TicketDecider.LinkExternalIssue(state, new ExternalLink("jira", "OPS-12", "https://jira.example.com/browse/OPS-12"), Agent, Now));
        return state;
    }
}

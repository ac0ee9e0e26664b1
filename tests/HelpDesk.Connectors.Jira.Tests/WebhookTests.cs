using HelpDesk.Sdk;
using HelpDesk.Sdk.Testing;
using HelpDesk.Sdk.Tickets;
using NSubstitute;
using NSubstitute.ExceptionExtensions;

namespace HelpDesk.Connectors.Jira.Tests;

public sealed class WebhookTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_status_change_to_done_is_recorded_as_resolved_on_the_linked_ticket_and_its_redelivery_changes_nothing()
    {
        await using var harness = JiraHarness.WebhooksOnly();
        var ticket = await LinkedTicketAsync(harness.Api);

        var first = await harness.ReceiveWebhookAsync(JiraWebhooks.StatusDoneRequest(), Token);
        var afterFirst = await harness.Api.GetTicketAsync(ticket, Token);
        var again = await harness.ReceiveWebhookAsync(JiraWebhooks.StatusDoneRequest(retry: 1), Token);
        var afterAgain = await harness.Api.GetTicketAsync(ticket, Token);

        Assert.Equal(200, first.StatusCode);
        Assert.Equal(200, again.StatusCode);
        var update = Assert.Single(harness.Api.ExternalUpdates).Update;
        Assert.Equal("OPS-318", update.Key);
        Assert.Equal("Done", update.Status);
        Assert.True(update.IsResolved);
        Assert.Equal("Jonas Weber", update.Author);
        Assert.Equal("jira-change:11873", update.Id);
        Assert.Equal(afterFirst!.Version, afterAgain!.Version);
    }

    [Fact]
    public async Task A_comment_becomes_an_update_with_its_text_intact_and_is_recorded_once()
    {
        await using var harness = JiraHarness.WebhooksOnly();
        await LinkedTicketAsync(harness.Api);

        await harness.ReceiveWebhookAsync(JiraWebhooks.CommentRequest(), Token);
        await harness.ReceiveWebhookAsync(JiraWebhooks.CommentRequest(), Token);

        var update = Assert.Single(harness.Api.ExternalUpdates).Update;
        Assert.Equal("Fix is deployed to eu-central. Grüße an Northwind – please ask them to retry.", update.Comment);
        Assert.Equal("Jonas Weber", update.Author);
        Assert.Null(update.Status);
    }

    [Theory]
    [InlineData("sha256=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("sha1=a35110d1074f1443c0e0a9bb8b80a310d36617e3")]
    [InlineData(null)]
    public async Task A_wrong_or_missing_signature_is_refused_with_401_and_changes_nothing(string? signature)
    {
        await using var harness = JiraHarness.WebhooksOnly();
        await LinkedTicketAsync(harness.Api);

        var answer = await harness.ReceiveWebhookAsync(JiraWebhooks.Request(JiraWebhooks.StatusDone, JiraWebhooks.StatusDoneDelivery, signature), Token);

        Assert.Equal(401, answer.StatusCode);
        Assert.Empty(harness.Api.ExternalUpdates);
    }

    [Fact]
    public async Task Without_a_configured_secret_every_webhook_is_refused()
    {
        await using var harness = JiraHarness.WebhooksOnly(new() { ["WebhookSecret"] = "" });

        var answer = await harness.ReceiveWebhookAsync(JiraWebhooks.StatusDoneRequest(), Token);

        Assert.Equal(401, answer.StatusCode);
        Assert.Contains("No WebhookSecret", answer.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_query_token_mode_the_url_token_proves_the_webhook_and_a_signature_alone_does_not()
    {
        await using var harness = JiraHarness.WebhooksOnly(new() { ["WebhookSecret"] = JiraHarness.QueryToken, ["WebhookProof"] = "query-token" });
        await LinkedTicketAsync(harness.Api);

        var wrong = await harness.ReceiveWebhookAsync(JiraWebhooks.Request(JiraWebhooks.StatusDone, "x", null, token: "guess"), Token);
        var signedOnly = await harness.ReceiveWebhookAsync(JiraWebhooks.StatusDoneRequest(), Token);
        var right = await harness.ReceiveWebhookAsync(JiraWebhooks.Request(JiraWebhooks.StatusDone, "x", null, token: JiraHarness.QueryToken), Token);

        Assert.Equal([401, 401, 200], [wrong.StatusCode, signedOnly.StatusCode, right.StatusCode]);
        Assert.Single(harness.Api.ExternalUpdates);
    }

    [Fact]
    public async Task HelpDesks_own_comments_are_not_brought_back()
    {
        await using var harness = JiraHarness.WebhooksOnly(new() { ["Account"] = "5d5f8e2a1c4b7a0d8e9f1a2b" });
        await LinkedTicketAsync(harness.Api);

        var answer = await harness.ReceiveWebhookAsync(JiraWebhooks.CommentRequest(), Token);

        Assert.Equal(200, answer.StatusCode);
        Assert.Empty(harness.Api.ExternalUpdates);
    }

    [Fact]
    public async Task A_comment_body_in_atlassian_document_format_is_read_as_text()
    {
        await using var harness = JiraHarness.WebhooksOnly();
        await LinkedTicketAsync(harness.Api);
        var json = """
            {"webhookEvent":"comment_created","timestamp":1795344620871,"issue":{"id":"10427","key":"OPS-318"},
             "comment":{"id":"10991","author":{"accountId":"5d5f","displayName":"Jonas Weber"},
              "body":{"type":"doc","version":1,"content":[{"type":"paragraph","content":[{"type":"text","text":"Deployed."},{"type":"hardBreak"},{"type":"text","text":"Ask them to retry."}]}]}}}
            """;

        await harness.ReceiveWebhookAsync(JiraWebhooks.Signed(json), Token);

        Assert.Equal("Deployed.\nAsk them to retry.", Assert.Single(harness.Api.ExternalUpdates).Update.Comment);
    }

    [Theory]
    [InlineData("""{"webhookEvent":"jira:issue_created","issue":{"key":"OPS-318"}}""")]
    [InlineData("""{"webhookEvent":"jira:issue_updated","issue":{"key":"OPS-318"},"changelog":{"id":"1","items":[{"field":"priority","toString":"High"}]}}""")]
    [InlineData("""{"webhookEvent":"jira:issue_updated","issue":{"key":"OPS-999"},"changelog":{"id":"2","items":[{"field":"status","toString":"Done"}]}}""")]
    public async Task Events_that_mean_nothing_for_a_linked_ticket_are_answered_200_and_ignored(string json)
    {
        await using var harness = JiraHarness.WebhooksOnly();
        await LinkedTicketAsync(harness.Api);

        var answer = await harness.ReceiveWebhookAsync(JiraWebhooks.Signed(json), Token);

        Assert.Equal(200, answer.StatusCode);
        Assert.Empty(harness.Api.ExternalUpdates);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[1,2]")]
    public async Task A_body_that_is_not_a_json_object_is_a_400(string json)
    {
        await using var harness = JiraHarness.WebhooksOnly();

        var answer = await harness.ReceiveWebhookAsync(JiraWebhooks.Signed(json), Token);

        Assert.Equal(400, answer.StatusCode);
    }

    [Fact]
    public async Task When_the_hub_cannot_store_the_update_jira_is_asked_to_retry_with_503()
    {
        var hub = Substitute.For<IHelpDeskApi>();
        hub.FindByExternalReferenceAsync("jira", "OPS-318", Arg.Any<CancellationToken>()).ThrowsAsync(new TimeoutException("store unavailable"));
        await using var harness = JiraHarness.WebhooksOnly(hub: hub);

        var answer = await harness.ReceiveWebhookAsync(JiraWebhooks.StatusDoneRequest(), Token);

        Assert.Equal(503, answer.StatusCode);
        Assert.True(answer.Headers.ContainsKey("Retry-After"));
    }

    [Fact]
    public async Task A_ticket_that_refuses_the_update_does_not_stop_the_others_linked_to_the_issue()
    {
        var hub = Substitute.For<IHelpDeskApi>();
        var refusing = Snapshot(1);
        var taking = Snapshot(2);
        hub.FindByExternalReferenceAsync("jira", "OPS-318", Arg.Any<CancellationToken>()).Returns([refusing, taking]);
        hub.RecordExternalUpdateAsync(1, Arg.Any<ExternalUpdate>(), Arg.Any<CancellationToken>()).ThrowsAsync(new HelpDeskApiException(HelpDeskApiError.Conflict, "status", "The ticket is closed."));
        await using var harness = JiraHarness.WebhooksOnly(hub: hub);

        var answer = await harness.ReceiveWebhookAsync(JiraWebhooks.StatusDoneRequest(), Token);

        Assert.Equal(200, answer.StatusCode);
        await hub.Received(1).RecordExternalUpdateAsync(2, Arg.Is<ExternalUpdate>(u => u.Status == "Done" && u.IsResolved == true), Arg.Any<CancellationToken>());
    }

    private static async Task<long> LinkedTicketAsync(RecordingHelpDeskApi api)
    {
        var ticket = api.Seed(new NewTicket("Checkout fails", "EU checkout answers 500.", new Customer("ops@northwind.example")), TicketStatus.Pending);
        await api.LinkExternalIssueAsync(ticket.Number, new ExternalReference("jira", "OPS-318", "https://jira.example.com/browse/OPS-318"), TestContext.Current.CancellationToken);
        return ticket.Number;
    }

    private static TicketSnapshot Snapshot(long number) => new(
        number, 3, "Checkout fails", TicketStatus.Open, TicketPriority.High, new Customer("ops@northwind.example"), null, null, [], new Dictionary<string, string>(), null, [], DateTimeOffset.UtcNow, DateTimeOffset.UtcNow);
}

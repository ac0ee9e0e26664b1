using System.Text;
using HelpDesk.Sdk;
using HelpDesk.Sdk.Capabilities;
using HelpDesk.Sdk.Testing;
using HelpDesk.Sdk.Tickets;
using HelpDesk.Sdk.Webhooks;
using HelpDesk.TestSupport;
using NSubstitute;
using NSubstitute.ExceptionExtensions;

namespace HelpDesk.Connectors.GitHub.Tests;

public sealed class WebhookTests
{
    private const string ClosedSignature = "sha256=573c8954f025de7d05a5cfa1f73337adf611031d7aeaaf25b0b54c11d03b4e6d";
    private const string ClosedDelivery = "6f1c2b3a-7d4e-11f0-8a9b-0c1d2e3f4a5b";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static WebhookRequest Delivery(string fixture, string gitHubEvent, string delivery, string? signature, string contentType = "application/json", byte[]? body = null)
    {
        var headers = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase)
        {
            ["Content-Type"] = [contentType],
            ["X-GitHub-Event"] = [gitHubEvent],
            ["X-GitHub-Delivery"] = [delivery],
            ["User-Agent"] = ["GitHub-Hookshot/1a2b3c4"],
        };
        if (signature is not null)
        {
            headers["X-Hub-Signature-256"] = [signature];
        }

        return new WebhookRequest("POST", "/", new Dictionary<string, IReadOnlyList<string>>(), headers, body ?? ContractFixtures.Bytes("github", fixture), DateTimeOffset.UtcNow);
    }

    private static WebhookRequest Signed(string fixture, string gitHubEvent, string delivery, byte[]? body = null)
    {
        body ??= ContractFixtures.Bytes("github", fixture);
        return Delivery(fixture, gitHubEvent, delivery, "sha256=" + WebhookSignature.Compute(SignatureAlgorithm.HmacSha256, GitHubHarness.WebhookSecret, body), body: body);
    }

    [Fact]
    public async Task A_closed_issue_is_recorded_as_resolved_on_the_linked_ticket_and_its_redelivery_changes_nothing()
    {
        await using var harness = GitHubHarness.For(null);
        var ticket = await LinkedTicketAsync(harness.Api);

        var first = await harness.ReceiveWebhookAsync(Delivery("webhook-issues-closed.json", "issues", ClosedDelivery, ClosedSignature), Token);
        var version = (await harness.Api.GetTicketAsync(ticket, Token))!.Version;
        var again = await harness.ReceiveWebhookAsync(Delivery("webhook-issues-closed.json", "issues", ClosedDelivery, ClosedSignature), Token);

        Assert.Equal((200, 200), (first.StatusCode, again.StatusCode));
        var update = Assert.Single(harness.Api.ExternalUpdates).Update;
        Assert.Equal(("acme/helpdesk-escalations#57", "closed", true, "lena-schmidt"), (update.Key, update.Status, update.IsResolved, update.Author));
        Assert.Equal($"github-delivery:{ClosedDelivery}", update.Id);
        Assert.Equal(version, (await harness.Api.GetTicketAsync(ticket, Token))!.Version);
    }

    [Fact]
    public async Task Reopening_and_commenting_are_recorded_with_the_comment_text_intact()
    {
        await using var harness = GitHubHarness.For(null);
        await LinkedTicketAsync(harness.Api);

        await harness.ReceiveWebhookAsync(Delivery("webhook-issues-reopened.json", "issues", "8c3e4d5f-7d4e-11f0-8a9b-0c1d2e3f4a5b", "sha256=8ab9d193fcad6ce77c1c96dd7a164cd0a8db654c0dfc5b48acd3a117d405abbb"), Token);
        await harness.ReceiveWebhookAsync(Delivery("webhook-issue-comment-created.json", "issue_comment", "7e2d3c4b-7d4e-11f0-8a9b-0c1d2e3f4a5b", "sha256=4c336a0f86e8f76d6377cf40460f85bdf5b5bbc5f4bfb1ed5eab7ccfa81ec1fe"), Token);

        var updates = harness.Api.ExternalUpdates.Select(u => u.Update).ToList();
        Assert.Equal(2, updates.Count);
        Assert.Equal(("open", false), (updates[0].Status, updates[0].IsResolved));
        Assert.Equal("Root cause: the EU payment gateway rejected the renewed TLS certificate. Rolled back; fix deploys at 10:40 — Grüße, Lena", updates[1].Comment);
        Assert.Equal("https://github.example.com/acme/helpdesk-escalations/issues/57", updates[1].Url);
    }

    [Theory]
    [InlineData("sha256=573C8954F025DE7D05A5CFA1F73337ADF611031D7AEAAF25B0B54C11D03B4E6D")]
    [InlineData("sha256=8ab9d193fcad6ce77c1c96dd7a164cd0a8db654c0dfc5b48acd3a117d405abbb")]
    [InlineData("sha1=442f68332af50cfe59361b3c6515d9732e055bbf")]
    [InlineData(null)]
    public async Task A_wrong_missing_sha1_only_or_upper_case_signature_gets_401_and_changes_nothing(string? signature)
    {
        await using var harness = GitHubHarness.For(null);
        await LinkedTicketAsync(harness.Api);

        var answer = await harness.ReceiveWebhookAsync(Delivery("webhook-issues-closed.json", "issues", ClosedDelivery, signature), Token);

        Assert.Equal(401, answer.StatusCode);
        Assert.Empty(harness.Api.ExternalUpdates);
    }

    [Fact]
    public async Task A_signature_made_with_another_secret_gets_401()
    {
        await using var harness = GitHubHarness.For(null, new() { ["WebhookSecret"] = "wrong-secret" });
        await LinkedTicketAsync(harness.Api);

        Assert.Equal(401, (await harness.ReceiveWebhookAsync(Delivery("webhook-issues-closed.json", "issues", ClosedDelivery, ClosedSignature), Token)).StatusCode);
        Assert.Empty(harness.Api.ExternalUpdates);
    }

    [Fact]
    public async Task Form_encoded_deliveries_get_415_and_ping_gets_200()
    {
        await using var harness = GitHubHarness.For(null);

        var form = await harness.ReceiveWebhookAsync(Delivery("webhook-issues-closed.json", "issues", ClosedDelivery, ClosedSignature, "application/x-www-form-urlencoded"), Token);
        var ping = await harness.ReceiveWebhookAsync(Delivery("webhook-ping.json", "ping", "4b9a8c7d-7d4e-11f0-8a9b-0c1d2e3f4a5b", "sha256=31a75317d985bf816752fe279a8c94696a74b2db976fbae9cb4e4d9585357f6d"), Token);

        Assert.Equal((415, 200), (form.StatusCode, ping.StatusCode));
    }

    [Fact]
    public async Task Pull_request_comments_bots_own_events_other_actions_and_malformed_bodies_record_nothing()
    {
        await using var harness = GitHubHarness.For(null);
        await LinkedTicketAsync(harness.Api);
        var comment = Encoding.UTF8.GetString(ContractFixtures.Bytes("github", "webhook-issue-comment-created.json"));
        var onPullRequest = Encoding.UTF8.GetBytes(comment.Replace("\"issue\": {", "\"issue\": {\"pull_request\": {\"url\": \"x\"},", StringComparison.Ordinal));
        var byBot = Encoding.UTF8.GetBytes(comment.Replace("\"login\": \"lena-schmidt\"", "\"login\": \"helpdesk-bot\"", StringComparison.Ordinal));

        var answers = new[]
        {
            await harness.ReceiveWebhookAsync(Signed("x", "issue_comment", "d1", onPullRequest), Token),
            await harness.ReceiveWebhookAsync(Signed("x", "issue_comment", "d2", byBot), Token),
            await harness.ReceiveWebhookAsync(Signed("webhook-issues-labeled.json", "issues", "d3"), Token),
            await harness.ReceiveWebhookAsync(Signed("webhook-issues-edited.json", "issues", "d4"), Token),
            await harness.ReceiveWebhookAsync(Signed("x", "issues", "d5", Encoding.UTF8.GetBytes("{not json")), Token),
        };

        Assert.Contains("pull_request", Encoding.UTF8.GetString(onPullRequest), StringComparison.Ordinal);
        Assert.NotEqual(comment, Encoding.UTF8.GetString(byBot));
        Assert.Equal([200, 200, 200, 200, 400], answers.Select(a => a.StatusCode));
        Assert.Empty(harness.Api.ExternalUpdates);
    }

    [Fact]
    public async Task When_the_hub_cannot_store_the_update_the_answer_is_503_so_it_can_be_redelivered()
    {
        var hub = Substitute.For<IHelpDeskApi>();
        hub.FindByExternalReferenceAsync("github", "acme/helpdesk-escalations#57", Arg.Any<CancellationToken>()).ThrowsAsync(new TimeoutException("store down"));
        await using var harness = GitHubHarness.For(null, hub: hub);

        var answer = await harness.ReceiveWebhookAsync(Delivery("webhook-issues-closed.json", "issues", ClosedDelivery, ClosedSignature), Token);

        Assert.Equal(503, answer.StatusCode);
    }

    [Fact]
    public void GitHubs_published_test_vector_verifies()
    {
        var check = WebhookSignature.Verify(SignatureAlgorithm.HmacSha256, "It's a Secret to Everybody", "Hello, World!"u8, "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17", "sha256=");

        Assert.Equal(SignatureCheck.Valid, check);
    }

    private static async Task<long> LinkedTicketAsync(RecordingHelpDeskApi api)
    {
        var ticket = api.Seed(new NewTicket("Checkout fails", "EU checkout answers 500.", new Customer("ops@northwind.example")), TicketStatus.Pending);
        await api.LinkExternalIssueAsync(ticket.Number, new ExternalReference("github", "acme/helpdesk-escalations#57", "https://github.example.com/acme/helpdesk-escalations/issues/57"), TestContext.Current.CancellationToken);
        return ticket.Number;
    }
}

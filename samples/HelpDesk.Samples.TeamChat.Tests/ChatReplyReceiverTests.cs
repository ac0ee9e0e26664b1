using System.Text;
using HelpDesk.Sdk.Capabilities;
using HelpDesk.Sdk.Testing;
using HelpDesk.Sdk.Tickets;
using Microsoft.Extensions.Time.Testing;

namespace HelpDesk.Samples.TeamChat.Tests;

public sealed class ChatReplyReceiverTests : IAsyncDisposable
{
    private const string Secret = "chat-signing-secret";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero));
    private readonly PluginHarness<TeamChatPlugin> _harness;

    public ChatReplyReceiverTests() =>
        _harness = new(new Dictionary<string, string?> { ["SigningSecret"] = Secret }, _time, pluginId: "team-chat");

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public ValueTask DisposeAsync() => _harness.DisposeAsync();

    [Fact]
    public async Task A_signed_reply_becomes_an_internal_note_on_its_ticket()
    {
        var ticket = Seed();
        var body = $$"""{"ticket": {{ticket.Number}}, "author": "sam", "text": "Rolling back the deploy now."}""";

        var response = await PostAsync(body, Signed(body));

        Assert.Equal(204, response.StatusCode);
        var note = Assert.Single(_harness.Api.Messages);
        Assert.Equal((ticket.Number, MessageKind.InternalNote, "sam (from chat): Rolling back the deploy now."), (note.Ticket, note.Kind, note.Body));
    }

    [Fact]
    public async Task A_signed_public_reply_is_answered_to_the_customer()
    {
        var ticket = Seed();
        var body = $$"""{"ticket": {{ticket.Number}}, "author": "sam", "text": "Fixed, sorry!", "visibility": "public"}""";

        var response = await PostAsync(body, Signed(body));

        Assert.Equal(204, response.StatusCode);
        var answer = Assert.Single(_harness.Api.Messages);
        Assert.Equal((MessageKind.AgentReply, "sam (from chat): Fixed, sorry!"), (answer.Kind, answer.Body));
    }

    [Fact]
    public async Task A_reply_signed_four_minutes_ago_is_still_accepted()
    {
        var ticket = Seed();
        var body = $$"""{"ticket": {{ticket.Number}}, "text": "Looking."}""";

        var response = await PostAsync(body, Signed(body, at: _time.GetUtcNow().AddMinutes(-4)));

        Assert.Equal(204, response.StatusCode);
        Assert.Equal("someone (from chat): Looking.", Assert.Single(_harness.Api.Messages).Body);
    }

    [Theory]
    [InlineData("no headers", "not signed")]
    [InlineData("no signature", "not signed")]
    [InlineData("no timestamp", "not signed")]
    [InlineData("wrong secret", "does not match")]
    [InlineData("body changed", "does not match")]
    [InlineData("timestamp changed", "does not match")]
    [InlineData("signed without v0 in the message", "does not match")]
    [InlineData("not hex", "not in the expected form")]
    [InlineData("six minutes old", "more than 5 minutes off")]
    [InlineData("six minutes ahead", "more than 5 minutes off")]
    public async Task A_reply_without_a_valid_fresh_signature_gets_401_saying_why_and_changes_nothing(string tampering, string why)
    {
        var ticket = Seed();
        var body = $$"""{"ticket": {{ticket.Number}}, "text": "Close it."}""";
        var headers = new Dictionary<string, string>(Signed(body));
        switch (tampering)
        {
            case "no headers": headers.Clear(); break;
            case "no signature": headers.Remove(ChatSignature.SignatureHeader); break;
            case "no timestamp": headers.Remove(ChatSignature.TimestampHeader); break;
            case "wrong secret": headers = new(Signed(body, secret: "guessed")); break;
            case "body changed": headers = new(Signed(body.Replace("Close", "Delete", StringComparison.Ordinal))); break;
            case "timestamp changed": headers[ChatSignature.TimestampHeader] = (_time.GetUtcNow().ToUnixTimeSeconds() - 1).ToString(System.Globalization.CultureInfo.InvariantCulture); break;
            case "signed without v0 in the message": headers[ChatSignature.SignatureHeader] = "v0=" + HelpDesk.Sdk.Webhooks.WebhookSignature.Compute(HelpDesk.Sdk.Webhooks.SignatureAlgorithm.HmacSha256, Secret, Encoding.UTF8.GetBytes($"{headers[ChatSignature.TimestampHeader]}:{body}")); break;
            case "not hex": headers[ChatSignature.SignatureHeader] = "v0=" + new string('z', 64); break;
            case "six minutes old": headers = new(Signed(body, at: _time.GetUtcNow().AddMinutes(-6))); break;
            default: headers = new(Signed(body, at: _time.GetUtcNow().AddMinutes(6))); break;
        }

        var response = await PostAsync(body, headers);

        Assert.Equal(401, response.StatusCode);
        Assert.Contains(why, response.Detail, StringComparison.Ordinal);
        Assert.Empty(_harness.Api.Calls);
        Assert.Empty(_harness.Api.Messages);
    }

    [Fact]
    public async Task With_no_secret_configured_every_reply_is_refused_even_one_signed_with_an_empty_key()
    {
        await using var unconfigured = new PluginHarness<TeamChatPlugin>(new Dictionary<string, string?> { ["SigningSecret"] = "" }, _time, pluginId: "team-chat");
        var ticket = unconfigured.Api.Seed(new NewTicket("Checkout is down", "500 on pay.", new Customer("ana@example.com")));
        var body = $$"""{"ticket": {{ticket.Number}}, "text": "hi"}""";

        var response = await unconfigured.PostWebhookAsync(ChatReplyReceiver.RepliesPath, body, Signed(body, secret: ""), Cancel);

        Assert.Equal(401, response.StatusCode);
        Assert.Contains("SigningSecret", response.Detail, StringComparison.Ordinal);
        Assert.Empty(unconfigured.Api.Calls);
    }

    [Theory]
    [InlineData("not json", "body")]
    [InlineData("[1, 2]", "body")]
    [InlineData("""{"text": "no ticket"}""", "ticket")]
    [InlineData("""{"ticket": "42", "text": "number as text"}""", "ticket")]
    [InlineData("""{"ticket": -1, "text": "negative"}""", "ticket")]
    [InlineData("""{"ticket": 1}""", "text")]
    [InlineData("""{"ticket": 1, "text": "  "}""", "text")]
    [InlineData("""{"ticket": 1, "text": "x", "author": 7}""", "author")]
    [InlineData("""{"ticket": 1, "text": "x", "visibility": "everyone"}""", "visibility")]
    [InlineData("""{"ticket": 1, "text": "x", "visibility": null}""", "visibility")]
    public async Task A_malformed_reply_gets_400_naming_the_field(string body, string field)
    {
        Seed();

        var response = await PostAsync(body, Signed(body));

        Assert.Equal(400, response.StatusCode);
        Assert.StartsWith(field + ":", response.Detail, StringComparison.Ordinal);
        Assert.Empty(_harness.Api.Calls);
    }

    [Fact]
    public async Task A_reply_to_an_unknown_ticket_gets_404()
    {
        Seed();
        var body = """{"ticket": 999, "text": "Anyone?"}""";

        var response = await PostAsync(body, Signed(body));

        Assert.Equal(404, response.StatusCode);
        Assert.Equal("ticket: there is no ticket #999.", response.Detail);
        Assert.Empty(_harness.Api.Messages);
    }

    [Fact]
    public async Task A_reply_to_a_closed_ticket_gets_409_and_changes_nothing()
    {
        var ticket = _harness.Api.Seed(new NewTicket("Old", "Done.", new Customer("ana@example.com")), TicketStatus.Closed);
        var body = $$"""{"ticket": {{ticket.Number}}, "text": "Reopen?"}""";

        var response = await PostAsync(body, Signed(body));

        Assert.Equal(409, response.StatusCode);
        Assert.Empty(_harness.Api.Messages);
    }

    [Fact]
    public async Task Other_paths_and_methods_are_not_replies()
    {
        var body = """{"ticket": 1, "text": "x"}""";
        var signed = Signed(body);

        var elsewhere = await PostAsync(body, signed, path: "/events");
        var get = await _harness.ReceiveWebhookAsync(
            new WebhookRequest("GET", ChatReplyReceiver.RepliesPath, new Dictionary<string, IReadOnlyList<string>>(), new Dictionary<string, IReadOnlyList<string>>(), ReadOnlyMemory<byte>.Empty, _time.GetUtcNow()),
            Cancel);

        Assert.Equal((404, 405), (elsewhere.StatusCode, get.StatusCode));
        Assert.Empty(_harness.Api.Calls);
    }

    private Task<WebhookResponse> PostAsync(string body, IReadOnlyDictionary<string, string> headers, string path = ChatReplyReceiver.RepliesPath) =>
        _harness.PostWebhookAsync(path, body, headers, Cancel);

    private TicketSnapshot Seed() =>
        _harness.Api.Seed(new NewTicket("Checkout is down", "500 on pay.", new Customer("ana@example.com")) { Priority = TicketPriority.Urgent });

    private IReadOnlyDictionary<string, string> Signed(string body, string secret = Secret, DateTimeOffset? at = null) =>
        ChatSignature.Sign(secret, Encoding.UTF8.GetBytes(body), at ?? _time.GetUtcNow());
}

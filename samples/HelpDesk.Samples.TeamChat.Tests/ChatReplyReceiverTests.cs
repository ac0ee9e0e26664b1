using System.Globalization;
using System.Text;
using HelpDesk.Sdk.Testing;
using HelpDesk.Sdk.Tickets;
using HelpDesk.Sdk.Webhooks;

namespace HelpDesk.Samples.TeamChat.Tests;

public sealed class ChatReplyReceiverTests : IAsyncDisposable
{
    private const string Secret = "chat-signing-secret";
    private readonly PluginHarness<TeamChatPlugin> _harness = new(new Dictionary<string, string?> { ["SigningSecret"] = Secret }, pluginId: "team-chat");

    public ValueTask DisposeAsync() => _harness.DisposeAsync();

    [Fact]
    public async Task A_signed_reply_becomes_an_internal_note_on_its_ticket()
    {
        var ticket = Seed();
        var body = $$"""{"ticket": {{ticket.Number}}, "author": "sam", "text": "Rolling back the deploy now."}""";

        var response = await _harness.PostWebhookAsync("/replies", body, Signed(body), TestContext.Current.CancellationToken);

        Assert.Equal(204, response.StatusCode);
        var note = Assert.Single(_harness.Api.Messages);
        Assert.Equal((ticket.Number, MessageKind.InternalNote, "sam (from chat): Rolling back the deploy now."), (note.Ticket, note.Kind, note.Body));
    }

    [Fact]
    public async Task A_signed_public_reply_is_answered_to_the_customer()
    {
        var ticket = Seed();
        var body = $$"""{"ticket": {{ticket.Number}}, "author": "sam", "text": "Fixed, sorry!", "visibility": "public"}""";

        var response = await _harness.PostWebhookAsync("/replies", body, Signed(body), TestContext.Current.CancellationToken);

        Assert.Equal(204, response.StatusCode);
        Assert.Equal(MessageKind.AgentReply, Assert.Single(_harness.Api.Messages).Kind);
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("wrong secret")]
    [InlineData("body changed")]
    [InlineData("ten minutes old")]
    public async Task A_reply_without_a_valid_fresh_signature_gets_401_and_changes_nothing(string tampering)
    {
        var ticket = Seed();
        var body = $$"""{"ticket": {{ticket.Number}}, "text": "Close it."}""";
        var headers = tampering switch
        {
            "missing" => new Dictionary<string, string>(),
            "wrong secret" => Signed(body, secret: "guessed"),
            "body changed" => Signed(body.Replace("Close", "Delete", StringComparison.Ordinal)),
            _ => Signed(body, at: _harness.TimeProvider.GetUtcNow().AddMinutes(-10)),
        };

        var response = await _harness.PostWebhookAsync("/replies", body, headers, TestContext.Current.CancellationToken);

        Assert.Equal(401, response.StatusCode);
        Assert.Empty(_harness.Api.Calls);
    }

    [Fact]
    public async Task With_no_secret_configured_every_reply_is_refused()
    {
        await using var unconfigured = new PluginHarness<TeamChatPlugin>(pluginId: "team-chat");
        var body = """{"ticket": 1, "text": "hi"}""";

        var response = await unconfigured.PostWebhookAsync("/replies", body, Signed(body), TestContext.Current.CancellationToken);

        Assert.Equal(401, response.StatusCode);
        Assert.Contains("SigningSecret", response.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json", "body")]
    [InlineData("""{"text": "no ticket"}""", "ticket")]
    [InlineData("""{"ticket": "42", "text": "number as text"}""", "ticket")]
    [InlineData("""{"ticket": 1, "text": "  "}""", "text")]
    [InlineData("""{"ticket": 1, "text": "x", "visibility": "everyone"}""", "visibility")]
    public async Task A_malformed_reply_gets_400_naming_the_field(string body, string field)
    {
        Seed();

        var response = await _harness.PostWebhookAsync("/replies", body, Signed(body), TestContext.Current.CancellationToken);

        Assert.Equal(400, response.StatusCode);
        Assert.StartsWith(field + ":", response.Detail, StringComparison.Ordinal);
        Assert.Empty(_harness.Api.Calls);
    }

    [Fact]
    public async Task A_reply_to_an_unknown_ticket_gets_404()
    {
        var body = """{"ticket": 999, "text": "Anyone?"}""";

        var response = await _harness.PostWebhookAsync("/replies", body, Signed(body), TestContext.Current.CancellationToken);

        Assert.Equal(404, response.StatusCode);
        Assert.Empty(_harness.Api.Messages);
    }

    private TicketSnapshot Seed() =>
        _harness.Api.Seed(new NewTicket("Checkout is down", "500 on pay.", new Customer("ana@example.com")) { Priority = TicketPriority.Urgent });

    private Dictionary<string, string> Signed(string body, string secret = Secret, DateTimeOffset? at = null)
    {
        var timestamp = (at ?? _harness.TimeProvider.GetUtcNow()).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = WebhookSignature.Compute(SignatureAlgorithm.HmacSha256, secret, Encoding.UTF8.GetBytes($"{timestamp}:{body}"));
        return new() { [ChatReplyReceiver.SignatureHeader] = "v0=" + signature, [ChatReplyReceiver.TimestampHeader] = timestamp };
    }
}

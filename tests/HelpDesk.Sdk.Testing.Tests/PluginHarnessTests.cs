using System.Text;
using HelpDesk.Sdk.Testing.Tests.SamplePlugin;
using HelpDesk.Sdk.Tickets;
using HelpDesk.Sdk.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace HelpDesk.Sdk.Testing.Tests;

public sealed class PluginHarnessTests : IAsyncLifetime
{
    private const string Secret = "s3cret";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero));
    private readonly PluginHarness<UrgentNotesPlugin> _harness;

    public PluginHarnessTests() =>
        _harness = PluginHarness.For<UrgentNotesPlugin>(new Dictionary<string, string?> { ["Secret"] = Secret }, _time);

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _harness.DisposeAsync();

    [Fact]
    public async Task Urgent_ticket_opened_gets_an_internal_note_written_with_the_harness_clock()
    {
        var ticket = _harness.Api.Seed(Tickets.New(priority: TicketPriority.Urgent));

        await _harness.DeliverAsync(TicketEvents.Opened(ticket));

        var note = Assert.Single(_harness.Api.Messages);
        Assert.Equal((ticket.Number, MessageKind.InternalNote), (note.Ticket, note.Kind));
        Assert.Equal("Urgent ticket seen at 2030-01-02T03:04:05.0000000+00:00: page the on-call agent.", note.Body);
        var call = Assert.Single(_harness.Api.Calls);
        Assert.Equal(nameof(IHelpDeskApi.AddInternalNoteAsync), call.Method);
        Assert.Equal([ticket.Number, note.Body], call.Arguments);
    }

    [Fact]
    public async Task Normal_ticket_opened_and_other_events_change_nothing()
    {
        var ticket = _harness.Api.Seed(Tickets.New(priority: TicketPriority.Normal));
        var urgent = _harness.Api.Seed(Tickets.New(priority: TicketPriority.Urgent), TicketStatus.Solved);

        await _harness.DeliverAsync(TicketEvents.Opened(ticket));
        await _harness.DeliverAsync(TicketEvents.StatusChanged(urgent, TicketStatus.New));

        Assert.Empty(_harness.Api.Calls);
    }

    [Fact]
    public async Task Signed_webhook_adds_the_customer_reply_and_reopens_the_ticket()
    {
        var ticket = _harness.Api.Seed(Tickets.New(), TicketStatus.Pending);
        var body = $$"""{"ticket":{{ticket.Number}},"body":"Still burning."}""";

        var response = await _harness.PostWebhookAsync("/replies", body, Signed(body, Secret));

        Assert.Equal(202, response.StatusCode);
        Assert.Equal(new RecordedMessage(ticket.Number, MessageKind.CustomerReply, "Still burning.", _time.GetUtcNow()), Assert.Single(_harness.Api.Messages));
        Assert.Equal(TicketStatus.Open, (await _harness.Api.GetTicketAsync(ticket.Number, default))!.Status);
    }

    [Fact]
    public async Task Webhook_signed_with_another_secret_is_refused_and_changes_nothing()
    {
        var ticket = _harness.Api.Seed(Tickets.New());
        var body = $$"""{"ticket":{{ticket.Number}},"body":"Let me in."}""";

        var response = await _harness.PostWebhookAsync("/replies", body, Signed(body, "not-the-secret"));

        Assert.Equal(401, response.StatusCode);
        Assert.Empty(_harness.Api.Calls);
    }

    [Fact]
    public async Task Webhook_request_reaches_the_receiver_as_given()
    {
        var body = "{}"u8.ToArray();
        var headers = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase)
        {
            [SignedReplyReceiver.SignatureHeader] = ["sha256=" + WebhookSignature.Compute(SignatureAlgorithm.HmacSha256, Secret, body)],
        };

        var response = await _harness.ReceiveWebhookAsync(new Capabilities.WebhookRequest("POST", "/", new Dictionary<string, IReadOnlyList<string>>(), headers, body, _time.GetUtcNow()));

        Assert.Equal(400, response.StatusCode);
    }

    [Fact]
    public void Plugin_reads_its_own_section_and_gets_the_hub_services()
    {
        Assert.Equal(Secret, _harness.Configuration["Secret"]);
        Assert.Equal(Secret, _harness.Services.GetRequiredService<SampleOptions>().Secret);
        Assert.Same(_harness.Api, _harness.Services.GetRequiredService<IHelpDeskApi>());
        Assert.Same(_time, _harness.Services.GetRequiredService<TimeProvider>());
        Assert.NotNull(_harness.Services.GetRequiredService<ILogger<PluginHarnessTests>>());
    }

    [Fact]
    public void Plugin_that_refuses_its_configuration_fails_when_the_harness_is_created()
    {
        var failure = Assert.Throws<InvalidOperationException>(() => new PluginHarness<UrgentNotesPlugin>(pluginId: "notes"));

        Assert.Equal("HelpDesk:Plugins:notes:Secret is not set.", failure.Message);
    }

    [Fact]
    public async Task Services_configured_after_registration_replace_the_plugin_s()
    {
        await using var harness = new PluginHarness<UrgentNotesPlugin>(
            new Dictionary<string, string?> { ["Secret"] = Secret },
            configureServices: services => services.AddSingleton(new SampleOptions("replaced")));
        var body = """{"ticket":1,"body":"x"}""";

        var response = await harness.PostWebhookAsync("/", body, Signed(body, Secret));

        Assert.Equal(401, response.StatusCode);
    }

    [Fact]
    public async Task Delivering_to_a_plugin_without_event_handlers_says_so()
    {
        await using var harness = new PluginHarness<ReceiverOnlyPlugin>();

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => harness.DeliverAsync(TicketEvents.Create(1, 1, "ticket-opened", new { })));

        Assert.Contains(nameof(Capabilities.ITicketEventHandler), failure.Message, StringComparison.Ordinal);
        Assert.Equal(204, (await harness.PostWebhookAsync("/", "")).StatusCode);
    }

    private static Dictionary<string, string> Signed(string body, string secret) => new()
    {
        [SignedReplyReceiver.SignatureHeader.ToLowerInvariant()] = "sha256=" + WebhookSignature.Compute(SignatureAlgorithm.HmacSha256, secret, Encoding.UTF8.GetBytes(body)),
    };
}

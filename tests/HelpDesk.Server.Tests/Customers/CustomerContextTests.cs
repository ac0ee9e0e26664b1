using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HelpDesk.Core.Security;
using HelpDesk.Server.Tests.Infrastructure;
using HelpDesk.TestSupport;
using HelpDesk.TestSupport.Fakes;

namespace HelpDesk.Server.Tests.Customers;

/// <summary>
/// Customer 360 end to end: the real crm (HubSpot) and erp (Odoo) plugins in a hub, against fakes that follow the
/// contracts. Context arrives after the ticket is created, from the event feed; a provider that fails marks it stale.
/// </summary>
public sealed class CustomerContextTests : IAsyncLifetime
{
    private const string Minji = "minji@hanbit.example";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private FakeHubSpot _hubspot = null!;
    private FakeOdoo _odoo = null!;
    private HelpDeskApp _app = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _hubspot = await FakeHubSpot.StartAsync();
        _odoo = await FakeOdoo.StartAsync();
        _hubspot.AddCustomer(Minji, "Minji", "Kim", "Hanbit Media", tier: "vip", region: "APAC", owner: "Jiwoo Han", language: "ko");
        var company = _odoo.AddCompany("Hanbit Media");
        var minji = _odoo.AddContact(Minji, "Minji Kim", company);
        var colleague = _odoo.AddContact("ops@hanbit.example", "Hanbit Ops", company);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        _odoo.AddOrder(colleague, "S00042", "sale", DateTime.UtcNow.AddDays(-3), 1200m);
        _odoo.AddOrder(minji, "S00041", "sale", DateTime.UtcNow.AddDays(-10), 300m);
        _odoo.AddInvoice(minji, "INV/2026/0007", "not_paid", 500m, 500m, today.AddDays(-40), today.AddDays(-10));
        _odoo.AddInvoice(minji, "INV/2026/0009", "partial", 300m, 100m, today.AddDays(-5), today.AddDays(25));
        _app = HelpDeskApp.Sqlite(new()
        {
            ["HelpDesk:Plugins:crm:BaseUrl"] = _hubspot.BaseUrl.AbsoluteUri,
            ["HelpDesk:Plugins:crm:AccessToken"] = FakeHubSpot.Token,
            ["HelpDesk:Plugins:crm:RequestTimeout"] = "00:00:01",
            ["HelpDesk:Plugins:erp:BaseUrl"] = _odoo.BaseUrl.AbsoluteUri,
            ["HelpDesk:Plugins:erp:Database"] = FakeOdoo.Database,
            ["HelpDesk:Plugins:erp:User"] = FakeOdoo.User,
            ["HelpDesk:Plugins:erp:ApiKey"] = FakeOdoo.ApiKey,
            ["HelpDesk:CustomerContext:LookupTimeout"] = "00:00:03",
            ["HelpDesk:CustomerContext:StaleRetryAfter"] = "00:00:04",
            ["HelpDesk:CustomerContext:RefreshInterval"] = "00:00:01",
        });
        FixturePlugins.InstallConnector(_app.PluginsDirectory, "crm");
        FixturePlugins.InstallConnector(_app.PluginsDirectory, "erp");
        await PluginStates.WaitUntilRunningAsync(_app.Admin(), "crm", TimeSpan.FromSeconds(15));
        await PluginStates.WaitUntilRunningAsync(_app.Admin(), "erp", TimeSpan.FromSeconds(15));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _hubspot.DisposeAsync();
        await _odoo.DisposeAsync();
    }

    [Fact]
    public async Task A_known_requesters_ticket_shows_company_tier_owner_orders_and_overdue_invoices_and_an_unknown_one_an_empty_context()
    {
        var admin = _app.Admin();

        var known = await admin.CreateTicketNumberAsync(TicketClient.NewTicket("Export fails", Minji));
        var unknown = await admin.CreateTicketNumberAsync(TicketClient.NewTicket("Where is my invoice?", "nobody@example.org"));

        var context = await ArrivedAsync(admin, known);
        Assert.Equal(("Hanbit Media", "vip", true, "APAC", "Jiwoo Han"), (
            context.GetProperty("company").GetString(), context.GetProperty("tier").GetString(), context.GetProperty("vip").GetBoolean(),
            context.GetProperty("region").GetString(), context.GetProperty("owner").GetString()));
        Assert.Equal(["S00042", "S00041"], context.GetProperty("orders").EnumerateArray().Select(o => o.GetProperty("number").GetString()));
        var overdue = Assert.Single(context.GetProperty("invoices").EnumerateArray(), i => i.GetProperty("overdue").GetBoolean());
        Assert.Equal(("INV/2026/0007", 500m, "EUR"), (overdue.GetProperty("number").GetString(), overdue.GetProperty("amountDue").GetProperty("amount").GetDecimal(), overdue.GetProperty("amountDue").GetProperty("currency").GetString()));
        Assert.Equal(1, context.GetProperty("overdueInvoices").GetInt32());
        Assert.Equal(("hubspot", "odoo"), (context.GetProperty("provenance").GetProperty("company").GetString(), overdue.GetProperty("source").GetString()));
        Assert.False(context.GetProperty("stale").GetBoolean());

        var empty = await ArrivedAsync(admin, unknown);
        Assert.False(empty.GetProperty("found").GetBoolean());
        Assert.False(empty.GetProperty("stale").GetBoolean());
        Assert.Empty(empty.GetProperty("orders").EnumerateArray());

        var brief = (await admin.GetJsonAsync($"/api/v1/tickets/{known}")).GetProperty("customer");
        Assert.Equal(("vip", "APAC"), (brief.GetProperty("tier").GetString(), brief.GetProperty("region").GetString()));
        Assert.Equal([known], await admin.ListNumbersAsync("customerTier=VIP&customerRegion=apac"));
        var customer = await _app.NewKeyAsync(ApiKeyScope.Integration, Minji);
        Assert.Equal(HttpStatusCode.Forbidden, (await customer.GetAsync($"/api/v1/tickets/{known}/context", Token)).StatusCode);
        await ProblemAssert.IsProblemAsync(customer.GetAsync("/api/v1/tickets?customerTier=vip", Token), HttpStatusCode.Forbidden, "customerTier");
        Assert.False((await customer.GetJsonAsync($"/api/v1/tickets/{known}")).TryGetProperty("customer", out var hidden) && hidden.ValueKind != JsonValueKind.Null);
    }

    [Fact]
    public async Task A_hanging_or_failing_crm_neither_slows_the_create_nor_fails_the_ticket_its_context_is_stale_with_the_reason_until_a_refresh_fills_it()
    {
        var admin = _app.Admin();
        await admin.CreateTicketNumberAsync(TicketClient.NewTicket("Warm-up", "warm@example.org"));
        var healthy = Stopwatch.StartNew();
        await admin.CreateTicketNumberAsync(TicketClient.NewTicket("Baseline", "baseline@example.org"));
        healthy.Stop();

        _hubspot.Hang(true);
        var hanging = Stopwatch.StartNew();
        var whileHanging = await admin.CreateTicketNumberAsync(TicketClient.NewTicket("Export fails", Minji));
        hanging.Stop();

        // The lookup waits up to its 3 s timeout; the create must not wait for it.
        Assert.True(hanging.Elapsed < TimeSpan.FromSeconds(1), $"The create took {hanging.Elapsed} while the CRM hung (healthy: {healthy.Elapsed}).");
        var stale = await ArrivedAsync(admin, whileHanging);
        Assert.True(stale.GetProperty("stale").GetBoolean());
        Assert.StartsWith("hubspot:", stale.GetProperty("staleReason").GetString(), StringComparison.Ordinal);
        Assert.Equal("new", (await admin.GetJsonAsync($"/api/v1/tickets/{whileHanging}")).GetProperty("status").GetString());

        _hubspot.Hang(false);
        var recovered = await admin.GetJsonAsync($"/api/v1/tickets/{whileHanging}/context?refresh=true");
        Assert.False(recovered.GetProperty("stale").GetBoolean(), recovered.Text("staleReason"));
        Assert.Equal("Hanbit Media", recovered.Text("company"));

        // As many 500s as one lookup's attempts; then the CRM has recovered.
        _hubspot.AddCustomer("kenji@example.jp", "Kenji", "Sato", "Sato Trading", tier: "premium", region: "APAC");
        _hubspot.Fail(HubSpotRoute.SearchContacts, HubSpotFault.ServerError, times: 3);
        var whileFailing = await admin.CreateTicketNumberAsync(TicketClient.NewTicket("Invoice wrong", "kenji@example.jp"));
        var failed = await ArrivedAsync(admin, whileFailing);
        Assert.True(failed.GetProperty("stale").GetBoolean());
        Assert.StartsWith("hubspot:", failed.Text("staleReason"), StringComparison.Ordinal);
        Assert.Contains("500", failed.Text("staleReason"), StringComparison.Ordinal);
        Assert.Null(failed.Text("company"));

        var filled = await admin.GetJsonAsync($"/api/v1/tickets/{whileFailing}/context?refresh=true");
        Assert.False(filled.GetProperty("stale").GetBoolean(), filled.Text("staleReason"));
        Assert.Equal(("Sato Trading", "premium"), (filled.Text("company"), filled.Text("tier")));
        var events = await admin.EventsAsync(whileHanging);
        Assert.True(events.Count(e => e.GetProperty("type").GetString() == "customer-context-updated") >= 2);
    }

    [Fact]
    public async Task A_stale_context_fills_in_by_itself_once_the_crm_recovers()
    {
        var admin = _app.Admin();
        _hubspot.FailAll(HubSpotFault.ServiceUnavailable);
        var number = await admin.CreateTicketNumberAsync(TicketClient.NewTicket("Export fails", Minji));
        Assert.True((await ArrivedAsync(admin, number)).GetProperty("stale").GetBoolean());

        _hubspot.Recover();

        // The plugin's circuit breaker may rest for 15 s after the failures before it lets a lookup through.
        await Eventually.TrueAsync(async () => (await admin.GetJsonAsync($"/api/v1/tickets/{number}/context")).Text("company") == "Hanbit Media", TimeSpan.FromSeconds(40));
        Assert.False((await admin.GetJsonAsync($"/api/v1/tickets/{number}/context")).GetProperty("stale").GetBoolean());
    }

    [Fact]
    public async Task A_rule_sends_vip_tickets_from_apac_to_the_senior_queue_at_high_priority_naming_itself()
    {
        var admin = _app.Admin();
        var rule = new
        {
            name = "VIP APAC to seniors",
            trigger = "customer-context-updated",
            conditions = new object[]
            {
                new { field = "customer.tier", @operator = "is", value = "vip" },
                new { field = "customer.region", @operator = "is", value = "APAC" },
            },
            actions = new object[] { new { type = "set-priority", value = "high" }, new { type = "set-queue", value = "senior" } },
        };
        await ProblemAssert.IsSuccessAsync(await admin.PutAsJsonAsync("/api/v1/rules/vip-apac", rule, Token), HttpStatusCode.Created);
        _hubspot.AddCustomer("kenji@example.jp", "Kenji", "Sato", "Sato Trading", tier: "standard", region: "APAC");

        var vip = await admin.CreateTicketNumberAsync(TicketClient.NewTicket("Export fails", Minji));
        var standard = await admin.CreateTicketNumberAsync(TicketClient.NewTicket("Export fails", "kenji@example.jp"));

        await Eventually.TrueAsync(async () => (await admin.GetJsonAsync($"/api/v1/tickets/{vip}")).Text("queue") == "senior", Patience);
        var ticket = await admin.GetJsonAsync($"/api/v1/tickets/{vip}");
        Assert.Equal("high", ticket.GetProperty("priority").GetString());
        var byRule = (await admin.EventsAsync(vip)).Where(e => e.GetProperty("actor").GetProperty("id").GetString() == "rule:vip-apac").ToList();
        Assert.NotEmpty(byRule);
        Assert.All(byRule, e => Assert.Equal("VIP APAC to seniors", e.GetProperty("actor").GetProperty("name").GetString()));
        await ArrivedAsync(admin, standard);
        var other = await admin.GetJsonAsync($"/api/v1/tickets/{standard}");
        Assert.NotEqual("senior", other.Text("queue"));
        Assert.Equal([vip], await admin.ListNumbersAsync("queue=senior"));
    }

    [Fact]
    public async Task The_customer_endpoint_answers_from_the_cache_and_looks_up_again_on_refresh()
    {
        var admin = _app.Admin();

        var first = await admin.GetJsonAsync($"/api/v1/customers/{Minji}/context");
        var searches = _hubspot.RequestCount(HubSpotRoute.SearchContacts);
        var cached = await admin.GetJsonAsync($"/api/v1/customers/{Minji}/context");
        var refreshed = await admin.GetJsonAsync($"/api/v1/customers/{Minji}/context?refresh=true");

        Assert.Equal("Hanbit Media", first.GetProperty("company").GetString());
        Assert.Equal(first.GetProperty("fetchedAt").GetString(), cached.GetProperty("fetchedAt").GetString());
        Assert.Equal(searches + 1, _hubspot.RequestCount(HubSpotRoute.SearchContacts));
        Assert.NotEqual(first.GetProperty("fetchedAt").GetString(), refreshed.GetProperty("fetchedAt").GetString());
        await ProblemAssert.IsProblemAsync(admin.GetAsync("/api/v1/customers/not-an-email/context", Token), HttpStatusCode.UnprocessableEntity, "email");
        await ProblemAssert.IsProblemAsync(admin.GetAsync($"/api/v1/customers/{Minji}/context?refresh=maybe", Token), HttpStatusCode.BadRequest, "refresh");
    }

    private static async Task<JsonElement> ArrivedAsync(HttpClient admin, long number)
    {
        JsonElement context = default;
        await Eventually.TrueAsync(async () => !(context = await admin.GetJsonAsync($"/api/v1/tickets/{number}/context")).GetProperty("pending").GetBoolean(), Patience);
        return context;
    }
}

/// <summary>The API leaves null members out.</summary>
internal static class JsonText
{
    public static string? Text(this JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

using HelpDesk.Sdk.Capabilities;
using HelpDesk.TestSupport.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace HelpDesk.Connectors.Erp.Tests;

public sealed class CustomerRecordsTests : IAsyncLifetime
{
    private FakeOdoo _odoo = null!;
    private Northwind _northwind = null!;

    public async ValueTask InitializeAsync()
    {
        _odoo = await FakeOdoo.StartAsync();
        _northwind = Northwind.Seed(_odoo);
    }

    public async ValueTask DisposeAsync() => await _odoo.DisposeAsync();

    [Fact]
    public async Task A_known_customer_sees_the_companys_five_newest_orders_and_its_open_invoices_newest_first()
    {
        await using var harness = ErpHarness.For(_odoo);

        var records = await harness.FindAsync();

        Assert.Equal(Northwind.Expected, records.Select(r => r.Number));
        Assert.Equal(5, records.Count(r => r.Kind == BusinessRecordKind.Order));
        Assert.Contains(records, r => r.Number == "S00301");
        Assert.DoesNotContain(records, r => r.Number is "S00201" or "S00400" or "INV/2026/00650" or "INV/2026/00999" or "INV/2026/00950");
        Assert.Equal(records.OrderByDescending(r => r.Date), records);
        Assert.All(records, r => Assert.Equal(TimeSpan.Zero, r.Date!.Value.Offset));
    }

    [Fact]
    public async Task An_order_carries_its_total_in_its_currency_its_utc_date_and_a_link_into_odoo()
    {
        await using var harness = ErpHarness.For(_odoo);

        var order = (await harness.FindAsync()).Single(r => r.Number == "S00334");

        Assert.Equal(BusinessRecordKind.Order, order.Kind);
        Assert.Equal("sent", order.Status);
        Assert.Equal(new Money(2380.50m, "EUR"), order.Total);
        Assert.Null(order.AmountDue);
        Assert.Equal(new DateTimeOffset(2026, 11, 19, 15, 40, 2, TimeSpan.Zero), order.Date);
        Assert.Equal($"{_odoo.BaseUrl.AbsoluteUri}web#id={order.Id}&model=sale.order&view_type=form", order.Url);
        Assert.Equal("no", order.Attributes["invoice_status"]);
    }

    [Fact]
    public async Task Open_invoices_show_what_is_due_and_are_overdue_only_past_their_due_date_by_the_hubs_clock()
    {
        var clock = new FakeTimeProvider(ErpHarness.Today);
        await using var harness = ErpHarness.For(_odoo, clock: clock);

        var records = await harness.FindAsync();
        var partial = records.Single(r => r.Number == "INV/2026/00771");
        var open = records.Single(r => r.Number == "INV/2026/00905");
        var refund = records.Single(r => r.Number == "RINV/2026/00012");

        Assert.Equal(("partial", "true"), (partial.Status, partial.Attributes["overdue"]));
        Assert.Equal(new Money(5200m, "EUR"), partial.Total);
        Assert.Equal(new Money(1200m, "EUR"), partial.AmountDue);
        Assert.Equal(new DateTimeOffset(2026, 9, 30, 0, 0, 0, TimeSpan.Zero), partial.Date);
        Assert.Equal(new DateTimeOffset(2026, 10, 30, 0, 0, 0, TimeSpan.Zero), partial.DueAt);
        Assert.Equal($"{_odoo.BaseUrl.AbsoluteUri}web#id={partial.Id}&model=account.move&view_type=form", partial.Url);
        Assert.Equal(("not_paid", "false", "S00318", "out_invoice"), (open.Status, open.Attributes["overdue"], open.Attributes["invoice_origin"], open.Attributes["move_type"]));
        Assert.Equal(("out_refund", "false"), (refund.Attributes["move_type"], refund.Attributes["overdue"]));

        clock.SetUtcNow(new DateTimeOffset(2026, 12, 5, 0, 0, 1, TimeSpan.Zero));
        var later = (await harness.FindAsync()).Single(r => r.Number == "INV/2026/00905");

        Assert.Equal("true", later.Attributes["overdue"]);
    }

    [Fact]
    public async Task An_unknown_email_finds_nothing_and_asks_odoo_nothing_more()
    {
        await using var harness = ErpHarness.For(_odoo);

        var records = await harness.FindAsync("nobody@nowhere.example.com");

        Assert.Empty(records);
        Assert.Equal(["authenticate", "search_read"], _odoo.Received.Select(r => r.Method));
        Assert.Equal("res.partner", _odoo.Received[1].Model);
    }

    [Fact]
    public async Task An_underscore_in_the_address_matches_only_itself_not_as_a_wildcard()
    {
        var stranger = _odoo.AddContact("john.doe@northwind.example.com", "John Doe", _northwind.Company);
        _odoo.AddOrder(stranger, "S00500", "sale", new DateTime(2026, 11, 22, 9, 0, 0), 10m);
        await using var harness = ErpHarness.For(_odoo);

        Assert.Empty(await harness.FindAsync("john_doe@northwind.example.com"));
        Assert.Contains("S00500", (await harness.FindAsync("JOHN.DOE@northwind.example.com")).Select(r => r.Number));
    }

    [Fact]
    public async Task Only_the_kinds_asked_for_are_read()
    {
        await using var harness = ErpHarness.For(_odoo);

        var invoices = await harness.FindAsync(new BusinessRecordQuery(Northwind.AnaEmail) { Kinds = [BusinessRecordKind.Invoice] });
        var subscriptions = await harness.FindAsync(new BusinessRecordQuery(Northwind.AnaEmail) { Kinds = [BusinessRecordKind.Subscription] });

        Assert.Equal(["INV/2026/00905", "RINV/2026/00012", "INV/2026/00771"], invoices.Select(r => r.Number));
        Assert.Empty(subscriptions);
        Assert.Equal(["res.partner", "account.move"], _odoo.Received.Where(r => r.Model is not null).Select(r => r.Model));
    }

    [Fact]
    public async Task A_reference_finds_only_the_record_with_that_number_even_a_paid_invoice()
    {
        await using var harness = ErpHarness.For(_odoo);

        var order = await harness.FindAsync(new BusinessRecordQuery(Northwind.AnaEmail) { Reference = " s00318 " });
        var paid = await harness.FindAsync(new BusinessRecordQuery(Northwind.AnaEmail) { Reference = "INV/2026/00650" });
        var pattern = await harness.FindAsync(new BusinessRecordQuery(Northwind.AnaEmail) { Reference = "S00%" });
        var stranger = await harness.FindAsync(new BusinessRecordQuery(Northwind.AnaEmail) { Reference = "S00400" });

        Assert.Equal(["S00318"], order.Select(r => r.Number));
        Assert.Equal(("INV/2026/00650", "paid", "false"), (paid.Single().Number, paid.Single().Status, paid.Single().Attributes["overdue"]));
        Assert.Empty(pattern);
        Assert.Empty(stranger);
    }

    [Fact]
    public async Task The_query_limit_caps_the_merged_list_and_the_configured_limits_cap_each_kind()
    {
        await using var capped = ErpHarness.For(_odoo);
        await using var configured = ErpHarness.For(_odoo, new() { ["OrderLimit"] = "2", ["InvoiceLimit"] = "1" });

        var newest = await capped.FindAsync(new BusinessRecordQuery(Northwind.AnaEmail) { Limit = 3 });
        var fewer = await configured.FindAsync();

        Assert.Equal(["S00334", "INV/2026/00905", "S00318"], newest.Select(r => r.Number));
        Assert.Equal(["S00334", "INV/2026/00905", "S00318"], fewer.Select(r => r.Number));
        Assert.All(_odoo.Received.Where(r => r.Model == "sale.order"), r => Assert.True((int)r.Body!["params"]!["args"]![6]!["limit"]! <= 3));
    }

    [Fact]
    public async Task Odoo_false_for_empty_values_becomes_null_or_a_missing_attribute()
    {
        var order = _odoo.AddOrder(_northwind.Ben, "S00512", "draft", new DateTime(2026, 11, 22, 10, 0, 0), 10m);
        _odoo.SetField("sale.order", order, "currency_id", null);
        _odoo.SetField("sale.order", order, "invoice_status", null);
        var invoice = _odoo.AddInvoice(_northwind.Ben, "INV/2026/00990", "not_paid", 10m, 10m, new DateOnly(2026, 11, 22), new DateOnly(2026, 11, 1));
        _odoo.SetField("account.move", invoice, "invoice_date_due", null);
        await using var harness = ErpHarness.For(_odoo);

        var records = await harness.FindAsync();
        var draft = records.Single(r => r.Number == "S00512");
        var undated = records.Single(r => r.Number == "INV/2026/00990");

        Assert.Null(draft.Total);
        Assert.False(draft.Attributes.ContainsKey("invoice_status"));
        Assert.Null(undated.DueAt);
        Assert.Equal("false", undated.Attributes["overdue"]);
        Assert.False(undated.Attributes.ContainsKey("invoice_origin"));
        Assert.Equal(new Money(10m, "EUR"), undated.AmountDue);
    }

    [Fact]
    public async Task Lookups_starting_together_sign_in_once()
    {
        _odoo.Latency = TimeSpan.FromMilliseconds(100);
        await using var harness = ErpHarness.For(_odoo);

        var all = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => harness.FindAsync()));
        await harness.FindAsync();

        Assert.All(all, records => Assert.Equal(Northwind.Expected, records.Select(r => r.Number)));
        Assert.Equal(1, _odoo.Received.Count(r => r.Method == "authenticate"));
    }
}

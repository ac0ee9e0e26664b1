using System.Net;
using System.Text.Json.Nodes;
using HelpDesk.Connectors.Erp.Api;
using HelpDesk.Connectors.Erp.Hosting;
using HelpDesk.Connectors.Erp.Records;
using HelpDesk.Sdk.Capabilities;

namespace HelpDesk.Connectors.Erp.Tests;

/// <summary>The contract's response fixtures, exactly as Odoo sends them, through the mapping.</summary>
public sealed class MappingTests
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(ErpHarness.Today.UtcDateTime);

    private readonly OdooRecordMapper _mapper = new(new ErpOptions
    {
        BaseUrl = new Uri("https://northwind.odoo.example.com/"),
        Database = "northwind-erp",
        User = "helpdesk-bot@example.com",
        ApiKey = "unused",
    });

    [Fact]
    public void The_sale_order_fixture_maps_to_orders_with_utc_dates_money_and_links()
    {
        var order = _mapper.Order(Fixtures.Rows("jsonrpc-sale-order-search-read-response.json", 1));

        Assert.Equal((BusinessRecordKind.Order, "334", "S00334", "sent"), (order.Kind, order.Id, order.Number, order.Status));
        Assert.Equal(new Money(2380.5m, "EUR"), order.Total);
        Assert.Equal(new DateTimeOffset(2026, 11, 19, 15, 40, 2, TimeSpan.Zero), order.Date);
        Assert.Equal("https://northwind.odoo.example.com/web#id=334&model=sale.order&view_type=form", order.Url);
        Assert.Equal(new Dictionary<string, string> { ["invoice_status"] = "no" }, order.Attributes);
    }

    [Fact]
    public void The_json2_fixture_maps_like_the_json_rpc_one()
    {
        var rows = Fixtures.Json("json2-sale-order-search-read-response-200.json").AsArray();

        var orders = rows.Select(r => _mapper.Order(r!.AsObject())).ToList();

        Assert.Equal(["S00318", "S00334"], orders.Select(o => o.Number));
        Assert.Equal(new Money(18450m, "EUR"), orders[0].Total);
        Assert.Empty(orders[0].Attributes);
    }

    [Fact]
    public void The_invoice_fixture_maps_with_amount_due_dates_origin_and_overdue_by_today()
    {
        var open = _mapper.Invoice(Fixtures.Rows("jsonrpc-invoice-search-read-response.json", 0), Today);
        var partial = _mapper.Invoice(Fixtures.Rows("jsonrpc-invoice-search-read-response.json", 1), Today);

        Assert.Equal((BusinessRecordKind.Invoice, "905", "INV/2026/00905", "not_paid"), (open.Kind, open.Id, open.Number, open.Status));
        Assert.Equal(new Money(18450m, "EUR"), open.AmountDue);
        Assert.Equal(new DateTimeOffset(2026, 12, 4, 0, 0, 0, TimeSpan.Zero), open.DueAt);
        Assert.Equal(new Dictionary<string, string> { ["move_type"] = "out_invoice", ["invoice_origin"] = "S00318", ["overdue"] = "false" }, open.Attributes);
        Assert.Equal(new Money(1200m, "EUR"), partial.AmountDue);
        Assert.Equal(new Dictionary<string, string> { ["move_type"] = "out_invoice", ["overdue"] = "true" }, partial.Attributes);
    }

    [Theory]
    [InlineData("2380.55", "2380.55")]
    [InlineData("0.1", "0.1")]
    [InlineData("18450.0", "18450")]
    [InlineData("1234567.89", "1234567.89")]
    [InlineData("1e3", "1000")]
    [InlineData("false", null)]
    public void Amounts_are_read_from_the_json_text_without_going_through_a_double(string json, string? expected)
    {
        var amount = OdooValues.Amount(JsonNode.Parse(json));

        Assert.Equal(expected is null ? null : decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), amount);
    }

    [Theory]
    [InlineData("false")]
    [InlineData("null")]
    [InlineData("\"\"")]
    public void Odoo_empty_values_read_as_null(string json)
    {
        var value = JsonNode.Parse(json);

        Assert.Null(OdooValues.Text(value));
        Assert.Null(OdooValues.Many2One(value));
        Assert.Null(OdooValues.UtcDateTime(value));
        Assert.Null(OdooValues.Date(value));
        Assert.Null(OdooValues.Money(JsonNode.Parse("10.0"), value));
    }

    [Fact]
    public void Retry_after_is_read_as_seconds_or_as_an_http_date()
    {
        using var seconds = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        seconds.Headers.Add("Retry-After", "7");
        using var date = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        date.Headers.Add("Retry-After", DateTimeOffset.UtcNow.AddSeconds(30).ToString("R"));
        using var none = new HttpResponseMessage(HttpStatusCode.BadGateway);

        Assert.Equal(TimeSpan.FromSeconds(7), OdooRetries.RetryAfter(seconds));
        Assert.InRange(OdooRetries.RetryAfter(date)!.Value, TimeSpan.FromSeconds(25), TimeSpan.FromSeconds(31));
        Assert.Null(OdooRetries.RetryAfter(none));
    }
}

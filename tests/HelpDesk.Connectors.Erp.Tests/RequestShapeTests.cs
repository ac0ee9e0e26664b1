using System.Text.Json.Nodes;
using HelpDesk.TestSupport.Fakes;

namespace HelpDesk.Connectors.Erp.Tests;

/// <summary>What the connector sends, compared with the contract's fixture requests (domain, fields, order, limit).</summary>
public sealed class RequestShapeTests : IAsyncLifetime
{
    private FakeOdoo _odoo = null!;

    public async ValueTask InitializeAsync()
    {
        _odoo = await FakeOdoo.StartAsync();
        Northwind.Seed(_odoo);
    }

    public async ValueTask DisposeAsync() => await _odoo.DisposeAsync();

    [Fact]
    public async Task Json_rpc_requests_are_the_fixtures_own_with_open_invoices_narrowed_by_payment_state()
    {
        // The fixture's invoice request reads ten.
        await using var harness = ErpHarness.For(_odoo, new() { ["InvoiceLimit"] = "10" });

        await harness.FindAsync();

        var sent = _odoo.Received;
        Assert.All(sent, r => Assert.Equal("/jsonrpc", r.Path));
        Assert.All(sent, r => Assert.NotNull((int?)r.Body!["id"]));
        Assert.Equal(sent.Count, sent.Select(r => (int)r.Body!["id"]!).Distinct().Count());
        AssertSame("jsonrpc-authenticate-request.json", Single(sent, "authenticate"));
        AssertSame("jsonrpc-partner-search-read-request.json", Single(sent, "search_read", "res.partner"));
        AssertSame("jsonrpc-sale-order-search-read-request.json", Single(sent, "search_read", "sale.order"));

        var invoices = Fixtures.WithoutId(Single(sent, "search_read", "account.move"));
        var domain = invoices["params"]!["args"]![5]![0]!.AsArray();
        var openOnly = domain[^1]!;
        domain.RemoveAt(domain.Count - 1);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""["payment_state", "in", ["not_paid", "partial"]]"""), openOnly), openOnly.ToJsonString());
        Assert.True(JsonNode.DeepEquals(Fixtures.WithoutId(Fixtures.Json("jsonrpc-invoice-search-read-request.json")), invoices), invoices.ToJsonString());
    }

    [Fact]
    public async Task Json2_requests_carry_the_bearer_key_the_database_and_the_fixtures_named_arguments()
    {
        await using var harness = ErpHarness.For(_odoo, new() { ["Protocol"] = "json2" });

        await harness.FindAsync();

        var sent = _odoo.Received;
        Assert.Equal(["/json/2/account.move/search_read", "/json/2/res.partner/search_read", "/json/2/sale.order/search_read"], sent.Select(r => r.Path).Order(StringComparer.Ordinal));
        Assert.Equal("/json/2/res.partner/search_read", sent[0].Path);
        Assert.All(sent, r => Assert.Equal("bearer " + FakeOdoo.ApiKey, r.Authorization, ignoreCase: true));
        Assert.All(sent, r => Assert.Equal(FakeOdoo.Database, r.Database));

        var orders = sent.Single(r => r.Model == "sale.order").Body!.AsObject();
        var fixture = Fixtures.Json("json2-sale-order-search-read-request.json").AsObject();
        Assert.Equal(fixture.Select(p => p.Key).Order(), orders.Select(p => p.Key).Order());
        foreach (var argument in new[] { "context", "domain", "order", "limit" })
        {
            Assert.True(JsonNode.DeepEquals(fixture[argument], orders[argument]), $"{argument}: {orders[argument]?.ToJsonString()}");
        }

        Assert.Superset(fixture["fields"]!.AsArray().Select(f => (string)f!).ToHashSet(), orders["fields"]!.AsArray().Select(f => (string)f!).ToHashSet());
    }

    private static JsonNode Single(IReadOnlyList<FakeOdooRequest> sent, string method, string? model = null) =>
        sent.Single(r => r.Method == method && r.Model == model).Body!;

    private static void AssertSame(string fixture, JsonNode sent)
    {
        var expected = Fixtures.WithoutId(Fixtures.Json(fixture));
        var actual = Fixtures.WithoutId(sent);
        Assert.True(JsonNode.DeepEquals(expected, actual), $"{fixture}:\n{actual.ToJsonString()}");
    }
}

using System.Diagnostics;
using HelpDesk.Connectors.Erp.Api;
using HelpDesk.TestSupport.Fakes;

namespace HelpDesk.Connectors.Erp.Tests;

/// <summary>What a proxy in front of Odoo does (429, 503, an HTML 502) and an Odoo that does not answer.</summary>
public sealed class ResilienceTests : IAsyncLifetime
{
    private FakeOdoo _odoo = null!;

    public async ValueTask InitializeAsync()
    {
        _odoo = await FakeOdoo.StartAsync();
        Northwind.Seed(_odoo);
    }

    public async ValueTask DisposeAsync() => await _odoo.DisposeAsync();

    [Fact]
    public async Task A_429_with_retry_after_is_waited_out_inside_the_call()
    {
        await using var harness = ErpHarness.For(_odoo);
        _odoo.Fail(FakeOdooFault.TooManyRequests);
        var clock = Stopwatch.StartNew();

        var records = await harness.FindAsync();

        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.95), $"answered after {clock.Elapsed}");
        Assert.Equal(Northwind.Expected, records.Select(r => r.Number));
        Assert.Equal(2, _odoo.Received.Count(r => r.Method == "authenticate"));
    }

    [Fact]
    public async Task A_retry_after_longer_than_max_retry_wait_fails_at_once_saying_so()
    {
        await using var harness = ErpHarness.For(_odoo, new() { ["MaxRetryWait"] = "00:00:00.5" });
        _odoo.Fail(FakeOdooFault.TooManyRequests);

        var failure = await Assert.ThrowsAsync<OdooException>(() => harness.FindAsync());

        Assert.Equal(OdooFailure.Unavailable, failure.Failure);
        Assert.Contains("429", failure.Message, StringComparison.Ordinal);
        Assert.Contains("longer than MaxRetryWait", failure.Message, StringComparison.Ordinal);
        Assert.Equal(1, _odoo.Requests);
    }

    [Fact]
    public async Task A_503_from_a_proxy_is_retried_with_backoff()
    {
        await using var harness = ErpHarness.For(_odoo);
        _odoo.Fail(FakeOdooFault.Unavailable, times: 2);

        var records = await harness.FindAsync();

        Assert.Equal(Northwind.Expected, records.Select(r => r.Number));
        Assert.Equal(3, _odoo.Received.Count(r => r.Method == "authenticate"));
    }

    [Fact]
    public async Task A_502_with_an_html_body_is_retried_and_when_it_persists_the_message_says_502_without_the_page()
    {
        await using var harness = ErpHarness.For(_odoo);
        _odoo.Fail(FakeOdooFault.BadGateway);
        Assert.Equal(Northwind.Expected, (await harness.FindAsync()).Select(r => r.Number));

        await using var unlucky = ErpHarness.For(_odoo);
        _odoo.Fail(FakeOdooFault.BadGateway, times: 4);
        var failure = await Assert.ThrowsAsync<OdooException>(() => unlucky.FindAsync());

        Assert.Equal(OdooFailure.Unavailable, failure.Failure);
        Assert.Contains("answered 502 BadGateway to common.authenticate", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("<", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_odoo_that_does_not_answer_fails_the_call_after_the_request_timeout_and_its_retries()
    {
        await using var harness = ErpHarness.For(_odoo, new() { ["RequestTimeout"] = "00:00:00.3" });
        _odoo.Hang(true);
        var clock = Stopwatch.StartNew();

        var failure = await Assert.ThrowsAsync<OdooException>(() => harness.FindAsync());

        Assert.Equal(OdooFailure.Unavailable, failure.Failure);
        Assert.Contains("did not answer common.authenticate within RequestTimeout (0.3 s)", failure.Message, StringComparison.Ordinal);
        Assert.Equal(4, _odoo.Requests);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(8), $"failed after {clock.Elapsed}");

        _odoo.Hang(false);
        Assert.Equal(Northwind.Expected, (await harness.FindAsync()).Select(r => r.Number));
    }

    [Fact]
    public async Task After_repeated_failures_the_circuit_opens_and_odoo_is_left_alone()
    {
        await using var harness = ErpHarness.For(_odoo);
        _odoo.Fail(FakeOdooFault.BadGateway, times: 100);

        await Assert.ThrowsAsync<OdooException>(() => harness.FindAsync());
        await Assert.ThrowsAsync<OdooException>(() => harness.FindAsync());
        var sent = _odoo.Requests;
        var paused = await Assert.ThrowsAsync<OdooException>(() => harness.FindAsync());

        Assert.Equal(8, sent);
        Assert.Equal(sent, _odoo.Requests);
        Assert.Equal(OdooFailure.Unavailable, paused.Failure);
        Assert.Contains("pauses its calls for 30 s", paused.Message, StringComparison.Ordinal);
    }
}

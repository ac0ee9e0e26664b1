using System.Diagnostics;
using HelpDesk.Connectors.Crm.Customers;
using HelpDesk.TestSupport;
using HelpDesk.TestSupport.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace HelpDesk.Connectors.Crm.Tests;

public sealed class ResilienceTests : IAsyncLifetime
{
    private const string Email = "ana.mueller@northwind.example.com";
    private FakeHubSpot _hubSpot = null!;

    public async ValueTask InitializeAsync()
    {
        _hubSpot = await FakeHubSpot.StartAsync();
        _hubSpot.AddFixtureCustomer();
    }

    public async ValueTask DisposeAsync() => await _hubSpot.DisposeAsync();

    [Fact]
    public async Task A_429_with_retry_after_is_waited_out_and_the_lookup_succeeds()
    {
        await using var harness = CrmHarness.For(_hubSpot);
        _hubSpot.Fail(HubSpotRoute.SearchContacts, HubSpotFault.RateLimited);
        var clock = Stopwatch.StartNew();

        var profile = await harness.FindAsync(Email);

        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(1), $"answered after {clock.Elapsed}");
        Assert.Equal("Northwind Analytics GmbH", profile!.Company);
        Assert.Equal([429, 200], Statuses(HubSpotRoute.SearchContacts));
    }

    [Fact]
    public async Task A_search_429_without_retry_after_waits_a_second_and_succeeds()
    {
        await using var harness = CrmHarness.For(_hubSpot);
        _hubSpot.Fail(HubSpotRoute.SearchContacts, HubSpotFault.RateLimitedWithoutRetryAfter);
        var clock = Stopwatch.StartNew();

        var profile = await harness.FindAsync(Email);

        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(1), $"answered after {clock.Elapsed}");
        Assert.NotNull(profile);
        Assert.Equal([429, 200], Statuses(HubSpotRoute.SearchContacts));
    }

    [Fact]
    public async Task A_read_429_without_retry_after_waits_the_rate_limit_window()
    {
        _hubSpot.RateLimitInterval = TimeSpan.FromMilliseconds(1500);
        await using var harness = CrmHarness.For(_hubSpot);
        _hubSpot.Fail(HubSpotRoute.ContactCompanies, HubSpotFault.RateLimitedWithoutRetryAfter);
        var clock = Stopwatch.StartNew();

        var profile = await harness.FindAsync(Email);

        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(1500), $"answered after {clock.Elapsed}");
        Assert.Equal("premium", profile!.Tier);
        Assert.Equal([429, 200], Statuses(HubSpotRoute.ContactCompanies));
    }

    [Fact]
    public async Task A_rate_limit_window_longer_than_max_retry_wait_fails_at_once()
    {
        await using var harness = CrmHarness.For(_hubSpot);
        _hubSpot.Fail(HubSpotRoute.GetCompany, HubSpotFault.RateLimitedWithoutRetryAfter);
        var clock = Stopwatch.StartNew();

        var failure = await Assert.ThrowsAsync<CrmUnavailableException>(() => harness.FindAsync(Email));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"failed after {clock.Elapsed}");
        Assert.StartsWith("HubSpot rate limit reached (policy SECONDLY)", failure.Message, StringComparison.Ordinal);
        Assert.Equal(1, _hubSpot.RequestCount(HubSpotRoute.GetCompany));
    }

    [Theory]
    [InlineData(HubSpotRoute.SearchContacts)]
    [InlineData(HubSpotRoute.GetCompany)]
    public async Task A_daily_limit_429_is_not_retried_and_says_so(HubSpotRoute route)
    {
        await using var harness = CrmHarness.For(_hubSpot);
        _hubSpot.Fail(route, HubSpotFault.DailyLimit, times: 3);

        var failure = await Assert.ThrowsAsync<CrmUnavailableException>(() => harness.FindAsync(Email));

        Assert.StartsWith("HubSpot daily API limit reached", failure.Message, StringComparison.Ordinal);
        Assert.Contains("correlation id 7b2e9c41-5d03-4f8a-b1e6-2c9d0a7f3e58", failure.Message, StringComparison.Ordinal);
        Assert.Equal(429, failure.Status);
        Assert.Equal(1, _hubSpot.RequestCount(route));
    }

    [Fact]
    public async Task After_a_daily_limit_lookups_leave_hubspot_alone_for_an_hour()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var harness = CrmHarness.For(_hubSpot, clock: clock);
        _hubSpot.Fail(HubSpotRoute.SearchContacts, HubSpotFault.DailyLimit);

        await Assert.ThrowsAsync<CrmUnavailableException>(() => harness.FindAsync(Email));
        clock.Advance(TimeSpan.FromMinutes(59));
        var meanwhile = await Assert.ThrowsAsync<CrmUnavailableException>(() => harness.FindAsync(Email));
        clock.Advance(TimeSpan.FromMinutes(1));
        var afterwards = await harness.FindAsync(Email);

        Assert.StartsWith("HubSpot daily API limit reached", meanwhile.Message, StringComparison.Ordinal);
        Assert.Contains("was not sent", meanwhile.Message, StringComparison.Ordinal);
        Assert.NotNull(afterwards);
        Assert.Equal([429, 200], Statuses(HubSpotRoute.SearchContacts));
    }

    [Theory]
    [InlineData(HubSpotFault.ServerError)]
    [InlineData(HubSpotFault.BadGateway)]
    [InlineData(HubSpotFault.ServiceUnavailable)]
    public async Task A_5xx_then_success_is_retried(HubSpotFault fault)
    {
        await using var harness = CrmHarness.For(_hubSpot);
        _hubSpot.Fail(HubSpotRoute.ContactCompanies, fault);
        _hubSpot.Fail(HubSpotRoute.GetCompany, fault);

        var profile = await harness.FindAsync(Email);

        Assert.Equal("premium", profile!.Tier);
        Assert.Equal(2, _hubSpot.RequestCount(HubSpotRoute.ContactCompanies));
        Assert.Equal(2, _hubSpot.RequestCount(HubSpotRoute.GetCompany));
    }

    [Fact]
    public async Task A_hung_hubspot_fails_within_the_request_timeout_without_retrying()
    {
        await using var harness = CrmHarness.For(_hubSpot, new() { ["RequestTimeout"] = "00:00:01" });
        _hubSpot.Hang(true);
        var clock = Stopwatch.StartNew();

        var failure = await Assert.ThrowsAsync<CrmUnavailableException>(() => harness.FindAsync(Email));

        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(2.5));
        Assert.Equal("HubSpot did not answer POST /crm/v3/objects/contacts/search within 1 s (RequestTimeout).", failure.Message);
        // The fake logs an abandoned request once Kestrel notices the closed connection.
        await Eventually.TrueAsync(() => _hubSpot.RequestCount(HubSpotRoute.SearchContacts) == 1);
        Assert.Equal(1, _hubSpot.RequestCount(HubSpotRoute.SearchContacts));
    }

    [Fact]
    public async Task A_refused_token_is_a_configuration_error_that_never_shows_the_token()
    {
        const string wrongToken = "pat-na1-00000000-dead-beef-0000-000000000000";
        var logs = new CapturedLogs();
        await using var harness = CrmHarness.For(_hubSpot, new() { ["AccessToken"] = wrongToken }, logs);

        var failure = await Assert.ThrowsAsync<CrmUnavailableException>(() => harness.FindAsync(Email));

        Assert.StartsWith("HubSpot refused the access token: check HelpDesk:Plugins:crm:AccessToken", failure.Message, StringComparison.Ordinal);
        Assert.Contains("401", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(wrongToken, failure.Message, StringComparison.Ordinal);
        Assert.Equal(1, _hubSpot.RequestCount(HubSpotRoute.SearchContacts));
        Assert.Contains(logs.Lines, l => l.Contains("5c7e1f0a-2b3d-4e5f-8a9b-0c1d2e3f4a5b", StringComparison.Ordinal));
        Assert.Contains(logs.Lines, l => l.Contains("Authorization", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, l => l.Contains(wrongToken, StringComparison.Ordinal) || l.Contains("dead-beef", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_failing_hubspot_opens_the_circuit_and_is_not_called_while_it_is_open()
    {
        await using var harness = CrmHarness.For(_hubSpot);
        _hubSpot.FailAll(HubSpotFault.ServiceUnavailable);

        var first = await Assert.ThrowsAsync<CrmUnavailableException>(() => harness.FindAsync(Email));
        var second = await Assert.ThrowsAsync<CrmUnavailableException>(() => harness.FindAsync(Email));
        var third = await Assert.ThrowsAsync<CrmUnavailableException>(() => harness.FindAsync(Email));

        Assert.StartsWith("HubSpot failed (503) on 3 attempts", first.Message, StringComparison.Ordinal);
        Assert.StartsWith("HubSpot failed (503) on 3 attempts", second.Message, StringComparison.Ordinal);
        Assert.StartsWith("HubSpot failed repeatedly; calls to it are paused for 15 s", third.Message, StringComparison.Ordinal);
        Assert.Equal(6, _hubSpot.RequestCount(HubSpotRoute.SearchContacts));
    }

    private int[] Statuses(HubSpotRoute route) => [.. _hubSpot.Requests.Where(r => r.Route == route).Select(r => r.Status)];
}

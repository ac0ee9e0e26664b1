using HelpDesk.Sdk.Capabilities;
using HelpDesk.TestSupport.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace HelpDesk.Connectors.Zoom.Tests;

public sealed class TokenTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero));
    private FakeZoom _zoom = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    // The fake shares the plugin's clock, so a token runs out at Zoom when it runs out for the plugin.
    public async ValueTask InitializeAsync() => _zoom = await FakeZoom.StartAsync(_clock);

    public async ValueTask DisposeAsync() => await _zoom.DisposeAsync();

    [Fact]
    public async Task One_token_serves_every_call_while_it_lives()
    {
        await using var harness = ZoomHarness.For(_zoom, clock: _clock);

        for (var i = 0; i < 3; i++)
        {
            await harness.Provider().ScheduleMeetingAsync(ZoomHarness.Request($"1042-m{i}"), Token);
            _clock.Advance(TimeSpan.FromMinutes(10));
        }

        Assert.Equal(1, _zoom.TokenRequests);
        Assert.Equal(3, _zoom.Meetings.Count);
    }

    [Fact]
    public async Task The_token_is_renewed_five_minutes_before_it_runs_out()
    {
        await using var harness = ZoomHarness.For(_zoom, clock: _clock);
        await harness.Provider().ScheduleMeetingAsync(ZoomHarness.Request("1042-m1"), Token);

        _clock.Advance(TimeSpan.FromMinutes(54));
        await harness.Provider().ScheduleMeetingAsync(ZoomHarness.Request("1042-m2"), Token);
        Assert.Equal(1, _zoom.TokenRequests);

        _clock.Advance(TimeSpan.FromMinutes(2));
        await harness.Provider().ScheduleMeetingAsync(ZoomHarness.Request("1042-m3"), Token);
        Assert.Equal(2, _zoom.TokenRequests);
        Assert.DoesNotContain(401, _zoom.StatusesOf(ZoomRoute.CreateMeeting));
    }

    [Fact]
    public async Task Fifty_concurrent_creations_with_an_expired_token_make_exactly_one_token_request()
    {
        await using var harness = ZoomHarness.For(_zoom, clock: _clock);
        await harness.Provider().ScheduleMeetingAsync(ZoomHarness.Request("warm-up"), Token);
        _clock.Advance(TimeSpan.FromHours(2));
        var provider = harness.Provider();

        var meetings = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(() => provider.ScheduleMeetingAsync(ZoomHarness.Request($"burst-{i}"), Token), Token)));

        Assert.Equal(2, _zoom.TokenRequests);
        Assert.Equal(50, meetings.Select(m => m.Id).Distinct().Count());
        Assert.Equal(51, _zoom.Meetings.Count);
        Assert.DoesNotContain(401, _zoom.StatusesOf(ZoomRoute.CreateMeeting));
    }

    [Fact]
    public async Task Fifty_concurrent_creations_after_zoom_revoked_the_token_renew_it_once_and_each_refused_call_retries_once()
    {
        await using var harness = ZoomHarness.For(_zoom, clock: _clock);
        await harness.Provider().ScheduleMeetingAsync(ZoomHarness.Request("warm-up"), Token);
        _zoom.ExpireTokens();
        var provider = harness.Provider();

        await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(() => provider.ScheduleMeetingAsync(ZoomHarness.Request($"burst-{i}"), Token), Token)));

        Assert.Equal(2, _zoom.TokenRequests);
        Assert.Equal(51, _zoom.Meetings.Count);
        // Calls that started after the renewal never met the revoked token; each that did was sent once more.
        var statuses = _zoom.StatusesOf(ZoomRoute.CreateMeeting);
        Assert.InRange(statuses.Count(s => s == 401), 1, 50);
        Assert.Equal(51, statuses.Count(s => s == 201));
        Assert.Equal(statuses.Count, 51 + statuses.Count(s => s == 401));
    }

    [Fact]
    public async Task A_401_code_124_renews_the_token_once_and_retries_the_call_once()
    {
        await using var harness = ZoomHarness.For(_zoom, clock: _clock);
        await harness.Provider().ScheduleMeetingAsync(ZoomHarness.Request("1042-m1"), Token);
        _zoom.ExpireTokens();

        var meeting = await harness.Provider().ScheduleMeetingAsync(ZoomHarness.Request("1042-m2"), Token);

        Assert.Equal(2, _zoom.TokenRequests);
        Assert.Equal([201, 401, 201], _zoom.StatusesOf(ZoomRoute.CreateMeeting));
        Assert.Equal(_zoom.Meetings[^1].JoinUrl, meeting.JoinUrl);
    }

    [Fact]
    public async Task A_second_401_after_the_renewal_fails_the_call_without_renewing_again()
    {
        await using var harness = ZoomHarness.For(_zoom, clock: _clock);
        _zoom.Fail(ZoomRoute.CreateMeeting, ZoomFault.InvalidToken(), times: 2);

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => harness.Provider().ScheduleMeetingAsync(ZoomHarness.Request(), Token));

        Assert.Contains("401", failure.Message, StringComparison.Ordinal);
        Assert.Contains("scopes", failure.Message, StringComparison.Ordinal);
        Assert.Equal(2, _zoom.TokenRequests);
        Assert.Equal([401, 401], _zoom.StatusesOf(ZoomRoute.CreateMeeting));
    }

    [Fact]
    public async Task Refused_credentials_are_a_configuration_error_not_retried_and_never_show_the_secret()
    {
        const string wrongSecret = "wrong-zoom-client-secret-value";
        await using var harness = ZoomHarness.For(_zoom, new() { ["ClientSecret"] = wrongSecret }, clock: _clock);

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => harness.Provider().ScheduleMeetingAsync(ZoomHarness.Request(), Token));

        Assert.Contains("401", failure.Message, StringComparison.Ordinal);
        Assert.Contains("invalid_client", failure.Message, StringComparison.Ordinal);
        Assert.Contains("ClientSecret", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(wrongSecret, failure.ToString(), StringComparison.Ordinal);
        Assert.Equal(1, _zoom.TokenRequests);
        Assert.Empty(_zoom.StatusesOf(ZoomRoute.CreateMeeting));
    }

    [Fact]
    public async Task A_wrong_account_id_is_refused_by_the_token_endpoint_as_a_configuration_error()
    {
        await using var harness = ZoomHarness.For(_zoom, new() { ["AccountId"] = "someone-elses-account" }, clock: _clock);

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => harness.Provider().ScheduleMeetingAsync(ZoomHarness.Request(), Token));

        Assert.Contains("400", failure.Message, StringComparison.Ordinal);
        Assert.Contains("AccountId", failure.Message, StringComparison.Ordinal);
        Assert.Equal(1, _zoom.TokenRequests);
    }

    [Fact]
    public async Task A_token_endpoint_failing_once_with_503_is_asked_again()
    {
        await using var harness = ZoomHarness.For(_zoom);
        _zoom.Fail(ZoomRoute.Token, ZoomFault.Unavailable());

        ScheduledMeeting meeting = await harness.Provider().ScheduleMeetingAsync(ZoomHarness.Request(), Token);

        Assert.Equal(2, _zoom.TokenRequests);
        Assert.Equal(Assert.Single(_zoom.Meetings).JoinUrl, meeting.JoinUrl);
    }
}

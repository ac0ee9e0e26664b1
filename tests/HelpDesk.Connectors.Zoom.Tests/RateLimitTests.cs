using System.Diagnostics;
using System.Globalization;
using HelpDesk.TestSupport.Fakes;

namespace HelpDesk.Connectors.Zoom.Tests;

public sealed class RateLimitTests : IAsyncLifetime
{
    private FakeZoom _zoom = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _zoom = await FakeZoom.StartAsync();

    public async ValueTask DisposeAsync() => await _zoom.DisposeAsync();

    [Fact]
    public async Task A_429_with_retry_after_1_is_waited_out_and_then_the_meeting_is_created_once()
    {
        await using var harness = ZoomHarness.For(_zoom);
        _zoom.Fail(ZoomRoute.CreateMeeting, ZoomFault.RateLimited(retryAfterSeconds: 1));
        var clock = Stopwatch.StartNew();

        var meeting = await harness.Provider().ScheduleMeetingAsync(ZoomHarness.Request(), Token);

        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(1), $"answered after {clock.Elapsed}");
        Assert.Equal([429, 201], _zoom.StatusesOf(ZoomRoute.CreateMeeting));
        Assert.Equal(Assert.Single(_zoom.Meetings).JoinUrl, meeting.JoinUrl);
    }

    [Fact]
    public async Task A_429_without_headers_backs_off_and_succeeds()
    {
        await using var harness = ZoomHarness.For(_zoom);
        _zoom.Fail(ZoomRoute.CreateMeeting, ZoomFault.RateLimitedWithoutHeaders());

        await harness.Provider().ScheduleMeetingAsync(ZoomHarness.Request(), Token);

        Assert.Equal([429, 201], _zoom.StatusesOf(ZoomRoute.CreateMeeting));
    }

    [Fact]
    public async Task A_retry_after_longer_than_max_retry_wait_fails_at_once_so_the_hub_retries_later()
    {
        await using var harness = ZoomHarness.For(_zoom);
        _zoom.Fail(ZoomRoute.CreateMeeting, ZoomFault.RateLimited(retryAfterSeconds: 120));
        var clock = Stopwatch.StartNew();

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => harness.Provider().ScheduleMeetingAsync(ZoomHarness.Request(), Token));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"failed after {clock.Elapsed}");
        Assert.Contains("rate limiting", failure.Message, StringComparison.Ordinal);
        Assert.Equal([429], _zoom.StatusesOf(ZoomRoute.CreateMeeting));
    }

    [Fact]
    public async Task The_daily_limit_is_not_retried_and_the_message_says_when_it_resets()
    {
        await using var harness = ZoomHarness.For(_zoom);
        var resetsAt = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(1), TimeSpan.Zero);
        _zoom.Fail(ZoomRoute.CreateMeeting, ZoomFault.DailyLimit(resetsAt));

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => harness.Provider().ScheduleMeetingAsync(ZoomHarness.Request(), Token));

        Assert.Contains("daily limit", failure.Message, StringComparison.Ordinal);
        Assert.Contains($"resets at {resetsAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC", failure.Message, StringComparison.Ordinal);
        Assert.Equal([429], _zoom.StatusesOf(ZoomRoute.CreateMeeting));
        Assert.Empty(_zoom.Meetings);
    }

    [Fact]
    public async Task A_daily_limit_without_headers_is_known_by_its_message_and_resets_at_the_next_midnight_utc()
    {
        await using var harness = ZoomHarness.For(_zoom);
        _zoom.Fail(ZoomRoute.CreateMeeting, ZoomFault.RateLimitedWithoutHeaders(daily: true));

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => harness.Provider().ScheduleMeetingAsync(ZoomHarness.Request(), Token));

        var midnight = DateTime.UtcNow.Date.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Contains($"resets at {midnight} 00:00 UTC", failure.Message, StringComparison.Ordinal);
        Assert.Equal([429], _zoom.StatusesOf(ZoomRoute.CreateMeeting));
    }
}

using HelpDesk.Sdk.Testing;
using HelpDesk.TestSupport.Fakes;

namespace HelpDesk.Connectors.Zoom.Tests;

public sealed class MeetingTests : IAsyncLifetime
{
    private FakeZoom _zoom = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _zoom = await FakeZoom.StartAsync();

    public async ValueTask DisposeAsync() => await _zoom.DisposeAsync();

    [Fact]
    public async Task Scheduling_creates_one_zoom_meeting_and_returns_its_join_link_start_link_and_passcode()
    {
        await using var harness = ZoomHarness.For(_zoom);

        var meeting = await harness.Provider().ScheduleMeetingAsync(ZoomHarness.Request(), Token);

        var created = Assert.Single(_zoom.Meetings);
        Assert.True(created.Id > int.MaxValue);
        Assert.Equal(created.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), meeting.Id);
        Assert.Equal(created.JoinUrl, meeting.JoinUrl);
        Assert.Equal(created.StartUrl, meeting.StartUrl);
        Assert.Equal((string?)created.Answer["password"], meeting.Password);
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 14, 0, 0, TimeSpan.Zero), meeting.StartsAt);
        Assert.Equal(TimeSpan.FromMinutes(45), meeting.Duration);
        Assert.Equal("me", created.UserId);
    }

    [Fact]
    public async Task The_create_body_has_the_topic_type_2_a_utc_start_time_the_duration_in_minutes_the_time_zone_and_the_settings()
    {
        await using var harness = ZoomHarness.For(_zoom);

        await harness.Provider().ScheduleMeetingAsync(ZoomHarness.Request(), Token);

        var posted = Assert.Single(_zoom.Meetings).Posted;
        Assert.Equal("HD-1042 outage review with Northwind Analytics", (string?)posted["topic"]);
        Assert.Equal(2, (int?)posted["type"]);
        Assert.Equal("2026-11-25T14:00:00Z", (string?)posted["start_time"]);
        Assert.Equal(45, (int?)posted["duration"]);
        Assert.Equal("Europe/Berlin", (string?)posted["timezone"]);
        Assert.StartsWith("Review of the checkout outage", (string?)posted["agenda"], StringComparison.Ordinal);
        var settings = posted["settings"]!;
        Assert.True((bool?)settings["waiting_room"]);
        Assert.False((bool?)settings["join_before_host"]);
        Assert.True((bool?)settings["mute_upon_entry"]);
        Assert.Equal("cloud", (string?)settings["auto_recording"]);
    }

    [Fact]
    public async Task The_same_idempotency_key_twice_makes_one_meeting_at_zoom_even_across_a_restart()
    {
        var state = new MemoryPluginState();
        await using var first = ZoomHarness.For(_zoom, state: state);
        await using var afterRestart = ZoomHarness.For(_zoom, state: state);

        var original = await first.Provider().ScheduleMeetingAsync(ZoomHarness.Request("1042-m1"), Token);
        var repeated = await first.Provider().ScheduleMeetingAsync(ZoomHarness.Request("1042-m1"), Token);
        var remembered = await afterRestart.Provider().ScheduleMeetingAsync(ZoomHarness.Request("1042-m1"), Token);
        var other = await first.Provider().ScheduleMeetingAsync(ZoomHarness.Request("1042-m2"), Token);

        Assert.Equal(original, repeated);
        Assert.Equal(original, remembered);
        Assert.NotEqual(original.Id, other.Id);
        Assert.Equal(2, _zoom.Meetings.Count);
        Assert.Equal([201, 201], _zoom.StatusesOf(ZoomRoute.CreateMeeting));
    }

    [Fact]
    public async Task A_500_on_create_is_not_repeated_because_zoom_may_have_made_the_meeting_and_the_next_attempt_creates_it()
    {
        await using var harness = ZoomHarness.For(_zoom);
        _zoom.Fail(ZoomRoute.CreateMeeting, ZoomFault.ServerError());

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => harness.Provider().ScheduleMeetingAsync(ZoomHarness.Request(), Token));
        var retried = await harness.Provider().ScheduleMeetingAsync(ZoomHarness.Request(), Token);

        Assert.Contains("500", failure.Message, StringComparison.Ordinal);
        Assert.Contains("not repeated", failure.Message, StringComparison.Ordinal);
        Assert.Equal([500, 201], _zoom.StatusesOf(ZoomRoute.CreateMeeting));
        Assert.Equal(Assert.Single(_zoom.Meetings).Id.ToString(System.Globalization.CultureInfo.InvariantCulture), retried.Id);
    }

    [Fact]
    public async Task A_create_answered_after_the_request_timeout_fails_the_call_and_is_not_repeated()
    {
        await using var harness = ZoomHarness.For(_zoom, new() { ["RequestTimeout"] = "00:00:01" });
        _zoom.Fail(ZoomRoute.CreateMeeting, ZoomFault.Slow(TimeSpan.FromSeconds(5)));

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => harness.Provider().ScheduleMeetingAsync(ZoomHarness.Request(), Token));

        Assert.Contains("did not answer", failure.Message, StringComparison.Ordinal);
        // Zoom made the meeting before the answer was lost; a repeat would have made a second one.
        Assert.Single(_zoom.Meetings);
    }

    [Fact]
    public async Task After_repeated_server_errors_the_circuit_opens_and_calls_fail_without_reaching_zoom()
    {
        await using var harness = ZoomHarness.For(_zoom);
        _zoom.Fail(ZoomRoute.CreateMeeting, ZoomFault.Unavailable(), times: 10);
        for (var i = 0; i < 10; i++)
        {
            await Assert.ThrowsAnyAsync<Exception>(() => harness.Provider().ScheduleMeetingAsync(ZoomHarness.Request($"1042-m{i}"), Token));
        }

        var paused = await Assert.ThrowsAnyAsync<Exception>(() => harness.Provider().ScheduleMeetingAsync(ZoomHarness.Request("1042-m10"), Token));

        Assert.Contains("paused", paused.Message, StringComparison.Ordinal);
        Assert.Equal(10, _zoom.StatusesOf(ZoomRoute.CreateMeeting).Count);
        Assert.Empty(_zoom.Meetings);
    }
}

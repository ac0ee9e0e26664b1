using System.Globalization;
using System.Text.Json.Nodes;
using HelpDesk.Connectors.Zoom.Api;
using HelpDesk.Connectors.Zoom.Hosting;
using HelpDesk.Sdk.Capabilities;

namespace HelpDesk.Connectors.Zoom.Meetings;

/// <summary>A <see cref="MeetingRequest"/> as Zoom's create body, and Zoom's answer as a <see cref="ScheduledMeeting"/>.</summary>
internal static class ZoomMeetingBody
{
    private const int ScheduledMeeting = 2;
    private const int MaxTopicLength = 200;
    private const int MaxAgendaLength = 2000;

    public static JsonObject From(MeetingRequest request, ZoomOptions options)
    {
        var body = new JsonObject
        {
            ["topic"] = Cut(request.Topic, MaxTopicLength),
            ["type"] = ScheduledMeeting,
            // UTC with Z, so Zoom never reads it as local time in the meeting's time zone.
            ["start_time"] = request.StartsAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["duration"] = Math.Max(1, (int)Math.Ceiling(request.Duration.TotalMinutes)),
            ["timezone"] = string.IsNullOrWhiteSpace(request.TimeZone) ? "UTC" : request.TimeZone,
            ["settings"] = new JsonObject
            {
                ["join_before_host"] = options.JoinBeforeHost,
                ["mute_upon_entry"] = options.MuteUponEntry,
                ["waiting_room"] = options.WaitingRoom,
                ["auto_recording"] = options.AutoRecording.ToString().ToLowerInvariant(),
            },
        };
        if (!string.IsNullOrWhiteSpace(request.Agenda))
        {
            body["agenda"] = Cut(request.Agenda, MaxAgendaLength);
        }

        return body;
    }

    /// <summary>Zoom's 201 as the hub's meeting; the id is an int64 kept as its decimal digits.</summary>
    public static ScheduledMeeting Scheduled(JsonObject created, MeetingRequest request)
    {
        var id = created["id"] is JsonValue value && value.TryGetValue<long>(out var number)
            ? number.ToString(CultureInfo.InvariantCulture)
            : throw new ZoomApiException(null, "Zoom's new meeting has no numeric id.");
        var joinUrl = Text(created["join_url"]) ?? throw new ZoomApiException(null, $"Zoom's meeting {id} has no join_url.");
        var startsAt = Text(created["start_time"]) is { } start
            && DateTimeOffset.TryParse(start, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
                ? parsed.ToUniversalTime()
                : request.StartsAt.ToUniversalTime();
        var duration = created["duration"] is JsonValue minutes && minutes.TryGetValue<int>(out var length) ? TimeSpan.FromMinutes(length) : request.Duration;
        return new ScheduledMeeting(id, joinUrl, startsAt, duration) { StartUrl = Text(created["start_url"]), Password = Text(created["password"]) };
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..length];
}

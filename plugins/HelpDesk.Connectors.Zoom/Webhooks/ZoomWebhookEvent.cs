using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json.Nodes;
using HelpDesk.Connectors.Zoom.Hosting;
using HelpDesk.Sdk.Capabilities;

namespace HelpDesk.Connectors.Zoom.Webhooks;

/// <summary>
/// What a Zoom event means for the ticket that scheduled the meeting: <c>meeting.started</c>, <c>meeting.ended</c>
/// (with how long it really lasted: the payload's <c>duration</c> is the scheduled one) and <c>recording.completed</c>.
/// Zoom sends no delivery id, so an update's id is <c>{event}:{uuid}:{event_ts}</c>, the same on each redelivery.
/// </summary>
internal static class ZoomWebhookEvent
{
    public const string UrlValidation = "endpoint.url_validation";

    /// <summary>
    /// False when a handled event lacks what Zoom promises (<paramref name="problem"/> says what); true otherwise, with
    /// <paramref name="update"/> null for events the plugin does not handle.
    /// </summary>
    public static bool TryRead(JsonObject payload, out MeetingUpdate? update, [NotNullWhen(false)] out string? problem)
    {
        update = null;
        problem = null;
        var name = Text(payload["event"]);
        if (name is not ("meeting.started" or "meeting.ended" or "recording.completed"))
        {
            return true;
        }

        var meeting = payload["payload"]?["object"];
        var id = MeetingId(meeting?["id"]);
        var uuid = Text(meeting?["uuid"]);
        var sentAt = payload["event_ts"] is JsonValue ts && ts.TryGetValue<long>(out var millis) ? millis : (long?)null;
        if (id is null || uuid is null || sentAt is null)
        {
            problem = $"{name} lacks payload.object.id, payload.object.uuid or event_ts.";
            return false;
        }

        var start = Time(meeting?["start_time"]);
        var end = Time(meeting?["end_time"]);
        var dedupId = $"{name}:{uuid}:{sentAt.Value.ToString(CultureInfo.InvariantCulture)}";
        update = name switch
        {
            "meeting.started" when start is { } at => new MeetingUpdate(ZoomPlugin.ProviderName, id, MeetingUpdateKind.Started, at) { Id = dedupId },
            "meeting.ended" when start is { } from && end is { } to =>
                new MeetingUpdate(ZoomPlugin.ProviderName, id, MeetingUpdateKind.Ended, to) { Duration = to - from, Id = dedupId },
            "recording.completed" => new MeetingUpdate(ZoomPlugin.ProviderName, id, MeetingUpdateKind.RecordingReady, DateTimeOffset.FromUnixTimeMilliseconds(sentAt.Value))
            {
                RecordingUrl = Text(meeting?["share_url"]) ?? FirstPlayUrl(meeting?["recording_files"]),
                Id = dedupId,
            },
            _ => null,
        };
        problem = update is null ? $"{name} lacks payload.object.start_time or end_time." : null;
        return update is not null;
    }

    // Zoom's examples give the id as a string in meeting events and as a number in recording events.
    private static string? MeetingId(JsonNode? node) => node is not JsonValue value ? null
        : value.TryGetValue<long>(out var number) ? number.ToString(CultureInfo.InvariantCulture)
        : value.TryGetValue<string>(out var text) && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out _) ? text
        : null;

    // Without a share link (sharing off for the account), the first file's own page is the next best place to watch.
    private static string? FirstPlayUrl(JsonNode? files) =>
        (files as JsonArray ?? []).Select(f => Text(f?["play_url"])).FirstOrDefault(url => url is not null);

    private static DateTimeOffset? Time(JsonNode? node) =>
        Text(node) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at.ToUniversalTime() : null;

    public static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;
}

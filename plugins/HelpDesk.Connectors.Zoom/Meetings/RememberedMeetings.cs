using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using HelpDesk.Sdk.Capabilities;

namespace HelpDesk.Connectors.Zoom.Meetings;

/// <summary>
/// The meetings already scheduled, by idempotency key, in the plugin's durable state: Zoom has no idempotency key of
/// its own, so a repeated request is answered from here. Keys are hashed (state keys are at most 200 characters,
/// idempotency keys are not bounded); values are a small JSON document of our own, not the SDK record, so the
/// stored form does not change when the SDK adds members.
/// </summary>
internal static class RememberedMeetings
{
    public static string Key(string idempotencyKey) =>
        "meeting:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey)));

    public static string Write(ScheduledMeeting meeting) => JsonSerializer.Serialize(new Remembered(
        meeting.Id, meeting.JoinUrl, meeting.StartsAt, (int)meeting.Duration.TotalMinutes, meeting.StartUrl, meeting.Password));

    public static ScheduledMeeting? Read(string stored)
    {
        try
        {
            return JsonSerializer.Deserialize<Remembered>(stored) is { Id.Length: > 0, JoinUrl.Length: > 0 } m
                ? new ScheduledMeeting(m.Id, m.JoinUrl, m.StartsAt, TimeSpan.FromMinutes(m.DurationMinutes)) { StartUrl = m.StartUrl, Password = m.Password }
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record Remembered(string Id, string JoinUrl, DateTimeOffset StartsAt, int DurationMinutes, string? StartUrl, string? Password);
}

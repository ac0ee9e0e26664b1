using System.Text.Json.Nodes;

namespace HelpDesk.TestSupport.Fakes;

/// <summary>A meeting as <see cref="FakeZoom"/> holds it: the create body as posted and the meeting object it answers with.</summary>
/// <param name="Id">Its int64 id, above 2^31 as Zoom's are.</param>
/// <param name="UserId">The <c>{userId}</c> it was created under (<c>me</c>).</param>
/// <param name="Posted">The create body as the client sent it.</param>
/// <param name="Answer">The meeting object of the 201 (and of GET), shaped like <c>create-meeting-response-201.json</c>.</param>
public sealed record FakeZoomMeeting(long Id, string UserId, JsonObject Posted, JsonObject Answer)
{
    public string Uuid => (string)Answer["uuid"]!;

    public string JoinUrl => (string)Answer["join_url"]!;

    public string StartUrl => (string)Answer["start_url"]!;
}

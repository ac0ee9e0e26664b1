namespace HelpDesk.TestSupport.Fakes;

/// <summary>The endpoints of <see cref="FakeZoom"/>, for injecting faults into one of them.</summary>
public enum ZoomRoute
{
    /// <summary><c>POST /oauth/token</c>.</summary>
    Token,

    /// <summary><c>POST /v2/users/{userId}/meetings</c>.</summary>
    CreateMeeting,

    /// <summary><c>GET /v2/meetings/{meetingId}</c>.</summary>
    GetMeeting,

    /// <summary><c>DELETE /v2/meetings/{meetingId}</c>.</summary>
    DeleteMeeting,
}

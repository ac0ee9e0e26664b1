namespace HelpDesk.Sdk.Capabilities;

/// <summary>What happened to a scheduled meeting.</summary>
public enum MeetingUpdateKind
{
    /// <summary>The host started it.</summary>
    Started,

    /// <summary>It ended; <see cref="MeetingUpdate.Duration"/> says how long it lasted.</summary>
    Ended,

    /// <summary>Its recording can be watched at <see cref="MeetingUpdate.RecordingUrl"/>.</summary>
    RecordingReady,
}

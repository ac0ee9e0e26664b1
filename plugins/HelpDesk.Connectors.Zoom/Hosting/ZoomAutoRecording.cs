namespace HelpDesk.Connectors.Zoom.Hosting;

/// <summary>Whether Zoom records a meeting from its start, as the create body's <c>settings.auto_recording</c>.</summary>
public enum ZoomAutoRecording
{
    /// <summary>Not recorded unless the host starts a recording.</summary>
    None,

    /// <summary>Recorded on the host's computer; no <c>recording.completed</c> webhook follows.</summary>
    Local,

    /// <summary>Recorded in Zoom's cloud; <c>recording.completed</c> brings the share link to the ticket.</summary>
    Cloud,
}

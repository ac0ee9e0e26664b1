namespace HelpDesk.Sdk.Capabilities;

/// <summary>Someone invited to a meeting.</summary>
/// <param name="Email">Their address.</param>
/// <param name="Name">Their display name.</param>
public sealed record MeetingAttendee(string Email, string? Name = null);

namespace HelpDesk.Sdk.Capabilities;

/// <summary>One run of a scheduled task. New members may be added.</summary>
/// <param name="Task">The task's name.</param>
/// <param name="ScheduledAt">When this run was due.</param>
/// <param name="PreviousScheduledAt">When the run before it was due, or null for the first since the plugin loaded.</param>
public sealed record ScheduledTaskContext(string Task, DateTimeOffset ScheduledAt, DateTimeOffset? PreviousScheduledAt);

using HelpDesk.Sdk.Capabilities;

namespace HelpDesk.Fixtures.CapabilitiesPlugin;

/// <summary>Appends each run's due time to <c>{folder}/{name}.log</c>; a failing one throws afterwards.</summary>
public sealed class RecordingTask(string name, TaskSchedule schedule, string folder, bool fails) : IScheduledTask
{
    /// <inheritdoc/>
    public string Name => name;

    /// <inheritdoc/>
    public TaskSchedule Schedule => schedule;

    /// <inheritdoc/>
    public async Task RunAsync(ScheduledTaskContext context, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        await File.AppendAllTextAsync(Path.Combine(folder, $"{name}.log"), $"{context.ScheduledAt:O}\n", cancellationToken);
        if (fails)
        {
            throw new InvalidOperationException($"{name} always fails.");
        }
    }
}

using System.Collections.Concurrent;
using Quartz;

namespace HelpDesk.Core.Tests.Scheduling;

/// <summary>Every firing of the jobs it listens to, on whichever node: which node and for which scheduled time.</summary>
public sealed class FiringLog : IJobListener
{
    private readonly ConcurrentQueue<(string Node, DateTimeOffset Due)> _firings = new();

    public string Name => "firing-log";

    public IReadOnlyList<(string Node, DateTimeOffset Due)> Firings => [.. _firings];

    public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        _firings.Enqueue((context.Scheduler.SchedulerInstanceId, context.ScheduledFireTimeUtc ?? context.FireTimeUtc));
        return ValueTask.CompletedTask;
    }

    public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}

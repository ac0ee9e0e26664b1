namespace HelpDesk.Core.EventFeed;

/// <summary>Rung after each commit so idle feeds deliver at once instead of at their next poll.</summary>
public sealed class FeedSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes at the next <see cref="Ring"/>; take it before looking for work, so no ring is missed.</summary>
    public Task Next => Volatile.Read(ref _next).Task;

    public void Ring() => Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}

namespace HelpDesk.Sdk.Capabilities;

/// <summary>
/// Work a plugin does on a schedule (poll a mailbox, sync a tracker). The hub runs it with Quartz while the plugin
/// runs, never twice at once, each run bounded by the plugin's call timeout; a run that throws is logged and the next
/// one comes on schedule. A schedule the hub cannot parse stops the plugin from loading, with the reason.
/// <see cref="INamedCapability.Name"/> tells the plugin's tasks apart.
/// </summary>
public interface IScheduledTask : INamedCapability
{
    /// <summary>When to run; read once when the plugin loads.</summary>
    TaskSchedule Schedule { get; }

    /// <summary>Does one run.</summary>
    /// <param name="context">This run.</param>
    /// <param name="cancellationToken">Signalled at the call's timeout or when the plugin is unloaded.</param>
    Task RunAsync(ScheduledTaskContext context, CancellationToken cancellationToken);
}

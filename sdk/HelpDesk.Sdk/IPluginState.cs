namespace HelpDesk.Sdk;

/// <summary>
/// A plugin's own small durable state (a mailbox's position, a sync cursor) and the problems it wants an admin to see,
/// kept in the hub's database so they survive restarts and reloads and are shared by every node. Implemented by the
/// hub; plugins receive it from their service provider.
/// </summary>
public interface IPluginState
{
    /// <summary>The value stored under the key, or null.</summary>
    /// <param name="key">Up to 200 characters.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<string?> GetAsync(string key, CancellationToken cancellationToken);

    /// <summary>Stores the value durably: once this completes, a restart finds it.</summary>
    /// <param name="key">Up to 200 characters.</param>
    /// <param name="value">Up to 64 KB of text.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task SetAsync(string key, string value, CancellationToken cancellationToken);

    /// <summary>
    /// Shows a problem on the plugin's admin status (<c>GET /api/v1/plugins</c>) until cleared; reporting the same key
    /// again replaces its text.
    /// </summary>
    /// <param name="key">What it is about (<c>mailbox:sales</c>).</param>
    /// <param name="detail">What happened and what to do, for an admin; never a secret.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task ReportProblemAsync(string key, string detail, CancellationToken cancellationToken);

    /// <summary>Removes a problem once it is over; nothing happens when there is none.</summary>
    /// <param name="key">As reported.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task ClearProblemAsync(string key, CancellationToken cancellationToken);
}

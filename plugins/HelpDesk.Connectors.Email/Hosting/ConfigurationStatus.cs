using HelpDesk.Sdk;
using HelpDesk.Sdk.Capabilities;

namespace HelpDesk.Connectors.Email.Hosting;

/// <summary>
/// Keeps the admin status true to the configuration: each problem found when the section was read is shown, and one
/// that a new configuration (a reload) fixed is cleared.
/// </summary>
internal sealed class ConfigurationStatus(IReadOnlyList<string> problems, EmailOptions options, IPluginState state) : IScheduledTask
{
    private const string Key = "configuration";

    public string Name => "configuration-status";

    public TaskSchedule Schedule { get; } = new("*/10 * * * * ?");

    public async Task RunAsync(ScheduledTaskContext context, CancellationToken cancellationToken)
    {
        var all = problems.ToList();
        if (options.Smtp is null)
        {
            all.Add(UnconfiguredChannel.Problem);
        }

        if (options.Mailboxes.Count == 0)
        {
            all.Add("No mailbox is configured (HelpDesk:Plugins:email:Mailboxes): no mail comes in.");
        }

        if (all.Count == 0)
        {
            await state.ClearProblemAsync(Key, cancellationToken);
        }
        else
        {
            await state.ReportProblemAsync(Key, string.Join(" ", all), cancellationToken);
        }
    }
}

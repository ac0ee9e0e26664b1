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

    // The configuration is read once per load, so what to show is worked out once; it is written until that succeeds.
    private readonly string? _problem = Describe(problems, options);
    private bool _shown;

    public string Name => "configuration-status";

    public TaskSchedule Schedule { get; } = new("*/10 * * * * ?");

    public async Task RunAsync(ScheduledTaskContext context, CancellationToken cancellationToken)
    {
        if (_shown)
        {
            return;
        }

        if (_problem is null)
        {
            await state.ClearProblemAsync(Key, cancellationToken);
        }
        else
        {
            await state.ReportProblemAsync(Key, _problem, cancellationToken);
        }

        _shown = true;
    }

    private static string? Describe(IReadOnlyList<string> problems, EmailOptions options)
    {
        var all = problems.ToList();
        if (options.Smtp is null && !problems.Any(p => p.StartsWith("Smtp", StringComparison.Ordinal)))
        {
            all.Add(UnconfiguredChannel.Problem);
        }

        if (options.Mailboxes.Count == 0)
        {
            all.Add("No mailbox is configured (HelpDesk:Plugins:email:Mailboxes): no mail comes in.");
        }

        return all.Count == 0 ? null : string.Join(" ", all);
    }
}

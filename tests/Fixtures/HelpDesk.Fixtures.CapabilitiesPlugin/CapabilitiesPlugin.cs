using HelpDesk.Sdk;
using HelpDesk.Sdk.Capabilities;
using Microsoft.Extensions.DependencyInjection;

namespace HelpDesk.Fixtures.CapabilitiesPlugin;

/// <summary>
/// Registers a tracker named <c>Name</c> (default <c>fixture-tracker</c>) whose <c>Mode</c> is <c>ok</c>,
/// <c>throw</c> or <c>hang</c>; a customer context provider of the same name; a <c>tick</c> task on <c>Cron</c>
/// (default every second) appending to <c>{RecordTo}/tick.log</c>; and, when <c>Boom</c> is true, a <c>boom</c> task
/// every second that appends to <c>boom.log</c> and throws; and an outbound channel named <c>ChannelName</c> (default
/// <c>fixture-channel</c>) recording what it sends to <c>{RecordTo}/outbound.jsonl</c>.
/// </summary>
public sealed class CapabilitiesPlugin : IHelpDeskPlugin
{
    /// <inheritdoc/>
    public void Register(PluginContext context)
    {
        var name = context.Configuration["Name"] ?? "fixture-tracker";
        var mode = context.Configuration["Mode"] ?? "ok";
        var recordTo = context.Configuration["RecordTo"] ?? Path.GetTempPath();
        context.Services.AddSingleton<IEscalationTarget>(new FixtureTracker(name, mode));
        context.Services.AddSingleton<ICustomerContextProvider>(new FixtureCustomers(name));
        context.Services.AddSingleton<IOutboundChannel>(new RecordingChannel(context.Configuration["ChannelName"] ?? "fixture-channel", recordTo));
        context.Services.AddSingleton<IScheduledTask>(new RecordingTask("tick", new TaskSchedule(context.Configuration["Cron"] ?? "* * * * * ?", context.Configuration["TimeZone"]), recordTo, fails: false));
        if (context.Configuration["Boom"] == "true")
        {
            context.Services.AddSingleton<IScheduledTask>(new RecordingTask("boom", new TaskSchedule("* * * * * ?"), recordTo, fails: true));
        }
    }
}

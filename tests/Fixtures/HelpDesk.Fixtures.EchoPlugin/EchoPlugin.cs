using HelpDesk.Sdk;
using HelpDesk.Sdk.Capabilities;
using Microsoft.Extensions.DependencyInjection;

namespace HelpDesk.Fixtures.EchoPlugin;

/// <summary>
/// Registers a handler that notes each opened ticket and a receiver that echoes the body's size. Its configuration's
/// <c>Mode</c> makes the handler misbehave for the host's tests: <c>throw</c> always fails, <c>hang</c> never returns;
/// <c>record</c> writes nothing to the hub and only logs each delivery to a file beside <c>RecordTo</c>; <c>noop</c>
/// takes every event and does nothing, for benchmarks of the feed itself.
/// </summary>
public sealed class EchoPlugin : IHelpDeskPlugin
{
    /// <inheritdoc/>
    public void Register(PluginContext context)
    {
        var mode = context.Configuration["Mode"] ?? "echo";
        if (mode == "record")
        {
            var recordTo = context.Configuration["RecordTo"] ?? throw new InvalidOperationException("Mode 'record' needs RecordTo.");
            context.Services.AddSingleton<ITicketEventHandler>(sp => new DeliveryRecorder(recordTo, sp.GetRequiredService<TimeProvider>()));
        }
        else if (mode == "noop")
        {
            context.Services.AddSingleton<ITicketEventHandler, NoopHandler>();
        }
        else
        {
            context.Services.AddSingleton<ITicketEventHandler>(sp => new EchoHandler(sp.GetRequiredService<IHelpDeskApi>(), mode));
        }

        context.Services.AddSingleton<IWebhookReceiver, EchoReceiver>();
    }
}

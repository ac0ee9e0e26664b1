using System.Reflection;
using HelpDesk.Sdk;

namespace HelpDesk.Connectors.Email.Tests;

/// <summary>
/// The hub as seen by a process that dies: the first <c>opens</c> tickets open normally; the next one is written (it
/// is durable) and then the call fails, as if the process was killed before it could carry on.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1852", Justification = "DispatchProxy derives the proxy type from it.")]
internal class FailingAfter : DispatchProxy
{
    private IHelpDeskApi _hub = null!;
    private int _opensLeft;

    public static IHelpDeskApi Wrap(IHelpDeskApi hub, int opens)
    {
        var proxy = Create<IHelpDeskApi, FailingAfter>();
        var failing = (FailingAfter)(object)proxy;
        failing._hub = hub;
        failing._opensLeft = opens;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        var result = targetMethod!.Invoke(_hub, args);
        if (targetMethod.Name == nameof(IHelpDeskApi.OpenTicketAsync) && Interlocked.Decrement(ref _opensLeft) < 0)
        {
            return AfterAsync((Task<Sdk.Tickets.TicketSnapshot>)result!);
        }

        return result;
    }

    private static async Task<Sdk.Tickets.TicketSnapshot> AfterAsync(Task<Sdk.Tickets.TicketSnapshot> written)
    {
        await written;
        throw new IOException("The process died after the ticket was written.");
    }
}

using HelpDesk.Sdk.Capabilities;
using HelpDesk.Sdk.Tickets;

namespace HelpDesk.Fixtures.CapabilitiesPlugin;

/// <summary>An escalation target that answers at once, throws, or never answers, as configured.</summary>
public sealed class FixtureTracker(string name, string mode) : IEscalationTarget
{
    /// <inheritdoc/>
    public string Name => name;

    /// <inheritdoc/>
    public async Task<ExternalIssue> CreateIssueAsync(EscalationRequest request, CancellationToken cancellationToken)
    {
        await MisbehaveAsync();
        return new ExternalIssue(new ExternalReference(name, $"FIX-{request.Ticket.Number}", $"https://tracker.example.com/FIX-{request.Ticket.Number}"), "To Do");
    }

    /// <inheritdoc/>
    public async Task<ExternalComment> AddCommentAsync(EscalationComment comment, CancellationToken cancellationToken)
    {
        await MisbehaveAsync();
        return new ExternalComment($"{comment.Issue.Key}-c1");
    }

    /// <inheritdoc/>
    public async Task<ExternalIssue?> GetIssueAsync(ExternalReference issue, CancellationToken cancellationToken)
    {
        await MisbehaveAsync();
        return new ExternalIssue(issue, "In Progress");
    }

    private Task MisbehaveAsync() => mode switch
    {
        "throw" => throw new InvalidOperationException("The tracker is down."),

        // Ignores the token on purpose, as a badly written plugin would: the host must abandon the call on its own.
        "hang" => Task.Delay(Timeout.Infinite, CancellationToken.None),

        // Answers, but not at once: a test can act while the call is in flight.
        "slow" => Task.Delay(TimeSpan.FromMilliseconds(500), CancellationToken.None),
        _ => Task.CompletedTask,
    };
}

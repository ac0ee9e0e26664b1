namespace HelpDesk.Sdk.Capabilities;

/// <summary>
/// Thrown by <see cref="IOutboundChannel.SendAsync"/> when the channel's server cannot take the message for now (it is
/// down, times out, or answers "try later"). The hub keeps the message and keeps retrying, however long the outage,
/// instead of setting it aside after a few attempts as it does with other failures.
/// </summary>
public sealed class ChannelUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is unavailable, for the hub's log; never a secret.</param>
    /// <param name="innerException">The transport's own error.</param>
    public ChannelUnavailableException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}

namespace HelpDesk.Connectors.Crm.HubSpot;

/// <summary>
/// Once HubSpot says the daily limit is reached, lookups stop calling it for a while: every call until the reset would
/// be refused too. The reset is at midnight in the account's time zone, which the API does not tell, so the gate
/// reopens after <see cref="Pause"/> and one lookup finds out whether the day has turned.
/// </summary>
internal sealed class DailyLimitGate(TimeProvider clock)
{
    public static readonly TimeSpan Pause = TimeSpan.FromHours(1);

    private long _closedUntilTicks;

    /// <summary>When lookups may call HubSpot again, or null when they may now.</summary>
    public DateTimeOffset? ClosedUntil
    {
        get
        {
            var until = new DateTimeOffset(Interlocked.Read(ref _closedUntilTicks), TimeSpan.Zero);
            return until > clock.GetUtcNow() ? until : null;
        }
    }

    public void Close() => Interlocked.Exchange(ref _closedUntilTicks, (clock.GetUtcNow() + Pause).UtcTicks);
}

namespace HelpDesk.TestSupport;

/// <summary>Waits for what happens in the background (a delivery, a reload, a scheduled run) by polling until a deadline.</summary>
public static class Eventually
{
    /// <summary>How long a condition gets when the caller does not say.</summary>
    public static readonly TimeSpan DefaultPatience = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    /// <summary>Returns once <paramref name="condition"/> holds; fails the test with a timeout otherwise.</summary>
    public static Task TrueAsync(Func<bool> condition, TimeSpan? patience = null) =>
        TrueAsync(() => Task.FromResult(condition()), patience);

    /// <inheritdoc cref="TrueAsync(Func{bool}, TimeSpan?)"/>
    public static async Task TrueAsync(Func<Task<bool>> condition, TimeSpan? patience = null)
    {
        using var deadline = new CancellationTokenSource(patience ?? DefaultPatience);
        while (!await condition())
        {
            await Task.Delay(PollInterval, deadline.Token);
        }
    }
}

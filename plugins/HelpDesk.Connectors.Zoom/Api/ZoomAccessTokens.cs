namespace HelpDesk.Connectors.Zoom.Api;

/// <summary>
/// The plugin's one Zoom access token, kept until 5 minutes before it runs out (halfway, for tokens that live under 10
/// minutes) and renewed by one caller at a time: callers that find the same stale token wait for that one renewal and
/// share its result, so a burst of calls after expiry, or after Zoom rejects the token, makes one token request.
/// </summary>
internal sealed class ZoomAccessTokens(ZoomOAuthClient oauth, TimeProvider clock) : IDisposable
{
    private static readonly TimeSpan EarlyRenewal = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _renewal = new(1, 1);
    private volatile AccessToken? _current;

    /// <summary>A token that is not about to run out, requesting one when needed.</summary>
    public async ValueTask<string> GetAsync(CancellationToken cancellationToken)
    {
        var token = _current;
        return token is not null && token.IsFresh(clock.GetUtcNow()) ? token.Value : await RenewAsync(token?.Value, cancellationToken);
    }

    /// <summary>
    /// A token other than <paramref name="stale"/>: the one another caller has already renewed, or a new one. Called
    /// after Zoom answered 401 to <paramref name="stale"/>, and by <see cref="GetAsync"/> when the token ran out.
    /// </summary>
    public async Task<string> RenewAsync(string? stale, CancellationToken cancellationToken)
    {
        await _renewal.WaitAsync(cancellationToken);
        try
        {
            var current = _current;
            if (current is not null && current.Value != stale && current.IsFresh(clock.GetUtcNow()))
            {
                return current.Value;
            }

            // Counted from before the request, so the token is never trusted past its real end.
            var requestedAt = clock.GetUtcNow();
            var (value, lifetime) = await oauth.RequestTokenAsync(cancellationToken);
            var margin = lifetime < 2 * EarlyRenewal ? lifetime / 2 : EarlyRenewal;
            _current = new AccessToken(value, requestedAt + lifetime - margin);
            return value;
        }
        finally
        {
            _renewal.Release();
        }
    }

    public void Dispose() => _renewal.Dispose();

    // A class, not a record: a record's ToString would print the token.
    private sealed class AccessToken(string value, DateTimeOffset renewAt)
    {
        public string Value { get; } = value;

        public bool IsFresh(DateTimeOffset now) => now < renewAt;
    }
}

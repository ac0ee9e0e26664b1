using System.Collections.Concurrent;
using HelpDesk.Core.Plugins;
using HelpDesk.Core.Plugins.Capabilities;
using HelpDesk.Domain.Customers;
using HelpDesk.Sdk.Capabilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HelpDesk.Core.Customers;

/// <summary>
/// A customer's context from every running context and records provider, merged, cached per customer for
/// <see cref="CustomerContextOptions.CacheLifetime"/> and shared by every node. Lookups for one customer on one node
/// share one call to the providers. A provider that fails or overruns <see cref="CustomerContextOptions.LookupTimeout"/>
/// makes the context stale (asked for again after <see cref="CustomerContextOptions.StaleRetryAfter"/>); nothing
/// waits longer than the timeout.
/// </summary>
public sealed class CustomerContexts(IServiceProvider services, CustomerContextCache cache, IOptions<CustomerContextOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<CustomerSnapshot>>> _lookups = new(StringComparer.Ordinal);
    private long _hits;
    private long _misses;

    /// <summary>Lookups answered from the cache, and lookups that asked the providers, since start.</summary>
    public (long Hits, long Misses) Statistics => (Interlocked.Read(ref _hits), Interlocked.Read(ref _misses));

    // Looked up at first use: the plugin host is built with the feed's subscribers, which use this.
    private PluginCapabilityCatalog Catalog => services.GetRequiredService<PluginCapabilityCatalog>();

    /// <summary>Whether any context or records provider runs now: without one there is no context to wait for.</summary>
    public bool AnyProviderRuns => Catalog.All<ICustomerContextProvider>().Count > 0 || Catalog.All<IBusinessRecordsProvider>().Count > 0;

    /// <summary>The customer's context: the cached one while it lasts, unless <paramref name="refresh"/>.</summary>
    public async Task<CustomerSnapshot> GetAsync(string email, bool refresh, CancellationToken cancellationToken)
    {
        email = email.Trim().ToLowerInvariant();
        var cached = await cache.GetAsync(email, cancellationToken);
        if (!refresh && cached is { } fresh && fresh.ExpiresAt > time.GetUtcNow())
        {
            Interlocked.Increment(ref _hits);
            return fresh.Context;
        }

        Interlocked.Increment(ref _misses);
        // One caller giving up (its token) does not end the shared lookup, which removes itself when it is done.
        var lookup = _lookups.GetOrAdd(email, key => new Lazy<Task<CustomerSnapshot>>(() => LookUpOnceAsync(key, cached?.Context)));
        return await lookup.Value.WaitAsync(cancellationToken);
    }

    private async Task<CustomerSnapshot> LookUpOnceAsync(string email, CustomerSnapshot? previous)
    {
        try
        {
            return await LookUpAsync(email, previous);
        }
        finally
        {
            _lookups.TryRemove(email, out _);
        }
    }

    private async Task<CustomerSnapshot> LookUpAsync(string email, CustomerSnapshot? previous)
    {
        var settings = options.Value;
        using var deadline = new CancellationTokenSource(settings.LookupTimeout, time);
        var catalog = Catalog;
        var asked = catalog.All<ICustomerContextProvider>().Select(p => AskForProfileAsync(p, email, deadline.Token))
            .Concat(catalog.All<IBusinessRecordsProvider>().Select(p => AskForRecordsAsync(p, email, settings.RecordLimit, deadline.Token)));
        var answers = await Task.WhenAll(asked);
        var ordered = answers.OrderBy(a => Rank(settings.Precedence, a.Source.Name)).ThenBy(a => a.Source.Name, StringComparer.Ordinal).ToList();
        var now = time.GetUtcNow();
        var context = CustomerContextMerge.Merge(email, now, ordered, previous);
        // With no provider running (yet: plugins load after the feed starts) there is nothing worth keeping.
        if (answers.Length > 0)
        {
            await cache.SaveAsync(context, now + (context.IsStale ? settings.StaleRetryAfter : settings.CacheLifetime), CancellationToken.None);
        }

        return context;
    }

    private async Task<ProviderAnswer> AskForProfileAsync(PluginCapability<ICustomerContextProvider> provider, string email, CancellationToken deadline)
    {
        var result = await CallAsync(provider, (p, token) => p.FindCustomerAsync(new CustomerLookup(email), token), deadline);
        return new ProviderAnswer(Source(provider.Name, provider.PluginId, "profile", result.Error), Profile: result.Value is { } profile ? ContextMapping.ToDomain(profile) : null);
    }

    private async Task<ProviderAnswer> AskForRecordsAsync(PluginCapability<IBusinessRecordsProvider> provider, string email, int limit, CancellationToken deadline)
    {
        var result = await CallAsync(provider, (p, token) => p.FindRecordsAsync(new BusinessRecordQuery(email) { Limit = limit }, token), deadline);
        return new ProviderAnswer(
            Source(provider.Name, provider.PluginId, "records", result.Error),
            Records: result.Value is { } records ? [.. records.Take(limit).Select(r => ContextMapping.ToDomain(provider.Name, r))] : null);
    }

    private static async Task<(T? Value, string? Error)> CallAsync<TCapability, T>(
        PluginCapability<TCapability> provider, Func<TCapability, CancellationToken, Task<T>> call, CancellationToken deadline)
        where TCapability : class, INamedCapability
    {
        try
        {
            var result = await provider.CallAsync(call, deadline);
            return result.Failure is { } failure ? (default, failure.Message) : (result.Value, null);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            return (default, $"{provider.Name} did not answer in time.");
        }
    }

    private ContextSource Source(string name, string plugin, string provides, string? error) => new(name, plugin, provides, time.GetUtcNow(), error);

    private static int Rank(List<string> precedence, string name) => precedence.IndexOf(name) is var index and >= 0 ? index : int.MaxValue;
}

namespace HelpDesk.Sdk.Testing;

/// <summary>Shorthand for creating a <see cref="PluginHarness{TPlugin}"/>.</summary>
public static class PluginHarness
{
    /// <summary>Loads <typeparamref name="TPlugin"/> with this configuration, as the hub would.</summary>
    /// <typeparam name="TPlugin">The plugin's entry point.</typeparam>
    /// <param name="configuration">The plugin's settings, keyed relative to its section (<c>"Secret"</c>, <c>"Jira:BaseUrl"</c>).</param>
    /// <param name="timeProvider">The clock the plugin and the fake hub see; pass a <c>FakeTimeProvider</c> to control time.</param>
    public static PluginHarness<TPlugin> For<TPlugin>(IReadOnlyDictionary<string, string?> configuration, TimeProvider? timeProvider = null)
        where TPlugin : IHelpDeskPlugin, new() =>
        new(configuration, timeProvider);
}

using System.Runtime.CompilerServices;
using System.Text.Json;
using HelpDesk.Core.Plugins.Loading;
using HelpDesk.Core.Plugins.Manifests;
using HelpDesk.Sdk;
using HelpDesk.Sdk.Capabilities;
using HelpDesk.Sdk.Tickets;
using HelpDesk.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NSubstitute;

namespace HelpDesk.Core.Tests.Plugins;

/// <summary>Loads the real compiled fixture plugin (tests/Fixtures), as the hub will load a partner's.</summary>
public sealed class PluginLoaderTests : IDisposable
{
    private readonly TempDirectory _plugins = new();
    private readonly IHelpDeskApi _api = Substitute.For<IHelpDeskApi>();

    public void Dispose() => _plugins.Dispose();

    [Fact]
    public async Task A_compiled_plugin_is_loaded_its_handler_runs_against_the_hubs_sdk_types()
    {
        await using var plugin = Load(CopyEcho());

        var handler = Assert.Single(plugin.Services.GetServices<ITicketEventHandler>());
        await handler.HandleAsync(new TicketEventContext(Opened(42), Attempt: 1), CancellationToken.None);

        await _api.Received(1).AddInternalNoteAsync(42, "echo v1 saw #42", Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Its_webhook_receiver_answers()
    {
        await using var plugin = Load(CopyEcho());

        var response = await plugin.Services.GetRequiredService<IWebhookReceiver>().ReceiveAsync(
            new WebhookRequest("POST", "/", new Dictionary<string, IReadOnlyList<string>>(), new Dictionary<string, IReadOnlyList<string>>(), new byte[5], DateTimeOffset.UtcNow),
            CancellationToken.None);

        Assert.Equal((202, "echo v1 received 5 bytes"), (response.StatusCode, response.Detail));
    }

    [Fact]
    public async Task An_unloaded_plugins_load_context_is_collected()
    {
        var context = await LoadUseAndUnloadAsync(CopyEcho());

        for (var i = 0; i < 20 && context.IsAlive; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        Assert.False(context.IsAlive, "The plugin's load context is still referenced after unloading.");
    }

    [Fact]
    public void A_wrong_entry_point_is_refused_with_a_clear_message()
    {
        var folder = CopyEcho();
        var manifestPath = Path.Combine(folder, PluginManifestReader.FileName);
        File.WriteAllText(manifestPath, File.ReadAllText(manifestPath).Replace("EchoPlugin.EchoPlugin", "EchoPlugin.Missing", StringComparison.Ordinal));

        var error = Assert.Throws<PluginLoadException>(() => Load(folder));

        Assert.Contains("HelpDesk.Fixtures.EchoPlugin.Missing", error.Message, StringComparison.Ordinal);
    }

    // Kept out of line so no local of the caller keeps the plugin's types alive.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private async Task<WeakReference> LoadUseAndUnloadAsync(string folder)
    {
        var plugin = Load(folder);
        await Assert.Single(plugin.Services.GetServices<ITicketEventHandler>()).HandleAsync(new TicketEventContext(Opened(1), 1), CancellationToken.None);
        var context = plugin.ContextReference;
        await plugin.DisposeAsync();
        return context;
    }

    private LoadedPlugin Load(string folder)
    {
        var (manifest, problems) = PluginManifestReader.Read(folder);
        Assert.True(problems.Count == 0, string.Join("; ", problems));
        return new McMasterPluginLoader().Load(manifest!, new ConfigurationBuilder().Build(), services => services.AddSingleton(_api));
    }

    private string CopyEcho() => FixturePlugins.InstallEcho(_plugins.Path);

    private static TicketEventEnvelope Opened(long ticket) =>
        new(ticket, ticket, 1, "ticket-opened", "agent", "a1", DateTimeOffset.UtcNow, JsonSerializer.SerializeToElement(new { subject = "Hi" }));
}

using HelpDesk.Core.Security;
using HelpDesk.Core.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HelpDesk.Core.Hosting;

/// <summary>Migrates the schema and makes sure an admin can get in, before the silo or the API start.</summary>
public sealed class StoreInitializer(SchemaMigrator migrator, ApiKeyStore apiKeys, IOptions<HelpDeskOptions> options, ILogger<StoreInitializer> logger)
    : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        await migrator.MigrateAsync(cancellationToken);
        if (await apiKeys.AnyAsync(cancellationToken))
        {
            return;
        }

        var configured = options.Value.Bootstrap.AdminApiKey;
        var (key, secret) = await apiKeys.CreateAsync("bootstrap admin", ApiKeyScope.Admin, null, string.IsNullOrWhiteSpace(configured) ? null : configured, cancellationToken);
        if (string.IsNullOrWhiteSpace(configured))
        {
            // Shown this once: only its hash is stored.
            logger.LogWarning("No API key existed, so an admin key was created. Keep it now, it will not be shown again: {Secret}", secret);
        }
        else
        {
            logger.LogInformation("Created the first admin API key {KeyId} from HelpDesk:Bootstrap:AdminApiKey", key.Id);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

using HelpDesk.Core.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace HelpDesk.Server.Http;

/// <summary>Ready means the database answers; live needs nothing but the process.</summary>
public sealed class StoreHealthCheck(Database database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1";
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy($"{database.Provider} answers.");
        }
        catch (Exception error)
        {
            return HealthCheckResult.Unhealthy($"{database.Provider} does not answer.", error);
        }
    }
}

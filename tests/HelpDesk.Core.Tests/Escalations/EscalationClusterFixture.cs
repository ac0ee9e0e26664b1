using HelpDesk.Core.Escalations;
using HelpDesk.Core.Tests.Tickets;
using Microsoft.Extensions.DependencyInjection;

namespace HelpDesk.Core.Tests.Escalations;

/// <summary>A silo whose failing escalations are retried within a second and abandoned after four attempts.</summary>
public sealed class EscalationClusterFixture : TicketClusterFixture
{
    public const int MaxAttempts = 4;

    protected override void ConfigureSiloServices(IServiceCollection services) =>
        services.Configure<EscalationOptions>(options =>
        {
            options.MaxAttempts = MaxAttempts;
            options.FirstRetryDelay = TimeSpan.FromMilliseconds(100);
            options.MaxRetryDelay = TimeSpan.FromMilliseconds(200);
            options.RetryScanInterval = TimeSpan.FromMilliseconds(50);
        });
}

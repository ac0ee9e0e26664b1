using HelpDesk.Core.Alerts;
using HelpDesk.Core.Tests.Tickets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HelpDesk.Core.Tests.Alerts;

/// <summary>A silo on a clock the tests move, with a storm threshold low enough to reach with a handful of alerts.</summary>
public sealed class AlertClusterFixture : TicketClusterFixture
{
    public const int StormThreshold = 4;

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero));

    protected override void ConfigureSiloServices(IServiceCollection services)
    {
        services.AddSingleton<TimeProvider>(Clock);
        services.Configure<AlertOptions>(options => options.StormThreshold = StormThreshold);
    }
}

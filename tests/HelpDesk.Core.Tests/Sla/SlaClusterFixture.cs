using HelpDesk.Core.Sla;
using HelpDesk.Core.Tests.Tickets;
using HelpDesk.Core.Tickets;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace HelpDesk.Core.Tests.Sla;

/// <summary>
/// A silo on the real clock (Orleans' membership and the event feed need it), with an SLA watch on a clock the tests
/// move ahead: what the watch records is as of its own time. Each test brings its own clock, so the order the tests run
/// in cannot send one test's clock backwards.
/// </summary>
public sealed class SlaClusterFixture : TicketClusterFixture
{
    public SlaWatch Watch(FakeTimeProvider clock) => new(SiloService<SlaStore>(), SiloService<TicketCommands>(), clock, Options.Create(new SlaOptions()), NullLogger<SlaWatch>.Instance);
}

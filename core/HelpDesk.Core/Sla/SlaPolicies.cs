using HelpDesk.Core.Customers;
using HelpDesk.Core.EventFeed;
using HelpDesk.Core.Queries;
using HelpDesk.Core.Storage;
using HelpDesk.Core.Tickets;
using HelpDesk.Domain.Events;
using HelpDesk.Domain.Rules;
using HelpDesk.Domain.Sla;
using HelpDesk.Domain.Tickets;
using Microsoft.Extensions.Logging;

namespace HelpDesk.Core.Sla;

/// <summary>
/// Keeps each ticket under the right SLA policy: after the ticket is opened or its fields change, the first policy
/// (in order) whose conditions hold applies, with copies of its calendars, or none. From the durable event feed, so a
/// ticket is never left without its policy; the ticket changes nothing when the same revision already applies.
/// </summary>
public sealed class SlaPolicies(SlaStore store, TicketQueries queries, TicketCommands commands, CustomerStore customers, TimeProvider time, ILogger<SlaPolicies> logger) : IEventSubscriber
{
    public static readonly Actor Sla = new(ActorKind.System, "sla", "SLA");

    public string Name => "sla";

    public async Task HandleAsync(StoredTicketEvent @event, int attempt, CancellationToken cancellationToken)
    {
        // The customer's context can change their segment or region, which policies may test.
        if (@event.Event is not (TicketOpened or PriorityChanged or Assigned or TagsChanged or FieldsChanged or CustomerContextUpdated))
        {
            return;
        }

        if (await queries.GetAsync(@event.Ticket, cancellationToken) is not { } ticket || ticket.Status == TicketStatus.Closed)
        {
            return;
        }

        var (policies, calendars) = await store.CurrentAsync(cancellationToken);
        var now = time.GetUtcNow();
        var customer = CustomerContext.Of(ticket, await customers.GetAsync(ticket.Requester?.Email, cancellationToken), now);
        var policy = SlaPolicy.FirstMatch(policies, ticket, now, customer);
        if (policy is null ? ticket.Sla is null : ticket.Sla?.PolicyId == policy.Id && ticket.Sla.Revision == policy.Revision)
        {
            return;
        }

        var targets = new List<SlaTarget>();
        foreach (var target in policy?.Targets ?? [])
        {
            if (target.CalendarId is { } id && !calendars.ContainsKey(id))
            {
                logger.LogWarning("SLA policy {Policy} names calendar {Calendar}, which no longer exists; its {Kind} target is measured in calendar time", policy!.Id, id, target.Kind);
            }

            var calendar = target.CalendarId is { } named && calendars.TryGetValue(named, out var found) ? found : BusinessCalendar.AlwaysOpen;
            targets.Add(new SlaTarget(target.Kind, TimeSpan.FromMinutes(target.Minutes), calendar));
        }

        var applied = new SlaPolicyApplied(Sla, time.GetUtcNow(), policy?.Id, policy?.Name, targets, policy?.WarningShare ?? 0.75) { Revision = policy?.Revision };
        await commands.ApplySlaPolicyAsync(ticket.Number, applied);
    }
}

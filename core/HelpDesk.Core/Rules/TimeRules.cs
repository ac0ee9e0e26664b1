using HelpDesk.Core.Customers;
using HelpDesk.Core.Queries;
using HelpDesk.Domain.Rules;
using HelpDesk.Domain.Tickets;
using Microsoft.Extensions.Logging;
using Quartz;

namespace HelpDesk.Core.Rules;

/// <summary>
/// Time-based rules (Zendesk's automations): a Quartz job every <c>HelpDesk:Rules:TimeCheckInterval</c> (5 minutes)
/// looks at every ticket not closed, narrowed by a rule's status condition when it has one, and applies the rules whose
/// conditions hold (pending for 72 hours → remind). A time rule must make one of its conditions false (checked when it is
/// saved), so it acts once per ticket, not at every check.
/// </summary>
[DisallowConcurrentExecution]
public sealed class TimeRules(RulesStore rules, TicketQueries queries, RuleEngine engine, CustomerStore customers, TimeProvider time, ILogger<TimeRules> logger) : IJob
{
    public static readonly JobKey Key = new("time-rules", "helpdesk");

    private static readonly TicketStatus[] NotClosed = [TicketStatus.New, TicketStatus.Open, TicketStatus.Pending, TicketStatus.OnHold, TicketStatus.Solved];

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await PassAsync(cancellationToken);

    /// <summary>One check of every time rule; returns how many times rules acted.</summary>
    public async Task<int> PassAsync(CancellationToken cancellationToken)
    {
        var acted = 0;
        foreach (var rule in await rules.EnabledAsync(RuleTrigger.Time, cancellationToken))
        {
            var asksCustomer = rule.Conditions.Any(c => c.Field.StartsWith("customer.", StringComparison.Ordinal));
            var statuses = StatusesOf(rule);
            TicketCursor? after = null;
            do
            {
                var page = await queries.ListAsync(new TicketQuery { Statuses = statuses, Sort = new TicketSort(TicketSortField.Number, false), After = after, Limit = TicketQuery.MaxLimit }, cancellationToken);
                var now = time.GetUtcNow();
                foreach (var ticket in page.Items)
                {
                    var customer = asksCustomer ? CustomerContext.Of(ticket, await customers.GetAsync(ticket.Requester?.Email, cancellationToken), now) : null;
                    if (!RuleConditions.AllHold(rule, ticket, now, customer))
                    {
                        continue;
                    }

                    try
                    {
                        await engine.ApplyAsync(rule, ticket, ticket.Version, cancellationToken);
                        acted++;
                    }
                    catch (Exception error) when (error is not OperationCanceledException)
                    {
                        logger.LogWarning(error, "Time rule {Rule} failed on ticket {Ticket}; it is tried again at the next check", rule.Id, ticket.Number);
                    }
                }

                after = page.Next;
            }
            while (after is not null);
        }

        return acted;
    }

    // A rule asking for certain statuses only needs those tickets read.
    private static IReadOnlyList<TicketStatus> StatusesOf(Rule rule)
    {
        var statuses = NotClosed.AsEnumerable();
        foreach (var condition in rule.Conditions.Where(c => c.Field == "status" && c.Operator is RuleOperator.Is or RuleOperator.In))
        {
            var wanted = RuleActions.Strings(condition.Value);
            statuses = statuses.Where(s => wanted.Contains(RuleFields.Word(s), StringComparer.OrdinalIgnoreCase));
        }

        return [.. statuses];
    }
}

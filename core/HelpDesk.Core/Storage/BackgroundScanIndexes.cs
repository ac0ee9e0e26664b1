namespace HelpDesk.Core.Storage;

/// <summary>
/// Partial indexes for the background scans that look for a few tickets among all of them, the same statements on
/// both providers. Each repeats its scan's condition word for word (<c>StaleContextRefresh.StaleTickets</c> and
/// <c>MissingContexts</c>, <c>EscalationRetries.TicketsToRetry</c>), so the planner can use it; a plan test holds them to it.
/// </summary>
internal static class BackgroundScanIndexes
{
    public const string Migration = """
        -- Background scans that look for a few tickets among all of them: open tickets whose customer context is stale or
        -- missing (every minute) and failing escalations (every 5 s). Each read every ticket, seconds at a million; these
        -- partial indexes hold just the tickets they look for, with the scans' own conditions word for word.
        CREATE INDEX ix_tickets_customer_stale ON tickets (number) WHERE customer LIKE '%"staleReason":%' AND status NOT IN ('solved', 'closed');
        CREATE INDEX ix_tickets_customer_missing ON tickets (number) WHERE customer IS NULL AND status NOT IN ('solved', 'closed');
        CREATE INDEX ix_tickets_escalations_retry ON tickets (number) WHERE escalations LIKE '%"state":"failing"%' OR escalations LIKE '%"pendingNotes":[{%';
        """;
}

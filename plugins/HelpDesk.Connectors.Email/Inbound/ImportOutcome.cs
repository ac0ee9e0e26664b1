namespace HelpDesk.Connectors.Email.Inbound;

/// <summary>What became of one message.</summary>
public enum ImportOutcome
{
    /// <summary>It opened a ticket (or had opened it before: the open is idempotent by Message-ID).</summary>
    Opened,

    /// <summary>It was added to the ticket it answers (or already had been).</summary>
    Replied,

    /// <summary>Nobody wrote it (auto-reply, bounce, list mail, our own): no ticket, no answer.</summary>
    Noise,

    /// <summary>Its sender passed the rate limit: kept in the mailbox, not imported.</summary>
    Held,
}

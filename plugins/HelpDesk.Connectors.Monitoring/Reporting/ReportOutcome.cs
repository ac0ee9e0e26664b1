namespace HelpDesk.Connectors.Monitoring.Reporting;

/// <summary>How reporting a payload's signals went, for the endpoint to answer its sender.</summary>
internal enum ReportResult
{
    /// <summary>Every signal was reported.</summary>
    Reported,

    /// <summary>The hub refused a signal as invalid: the sender's data, so retrying will not help.</summary>
    Refused,

    /// <summary>The hub could not take the signals now: worth a retry.</summary>
    Unavailable,
}

/// <param name="Result">What happened.</param>
/// <param name="Detail">For a refusal, the field and the hub's reason; for an outage, what to tell the sender.</param>
internal sealed record ReportOutcome(ReportResult Result, string Detail = "");

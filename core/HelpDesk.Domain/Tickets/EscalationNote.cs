namespace HelpDesk.Domain.Tickets;

/// <summary>A note for an escalation's issue that the tracker has not taken yet.</summary>
public sealed record EscalationNote(string Id, string Body, string? Author);

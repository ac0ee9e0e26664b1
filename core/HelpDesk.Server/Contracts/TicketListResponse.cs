namespace HelpDesk.Server.Contracts;

/// <summary>One page; pass <c>nextCursor</c> back as <c>cursor</c> for the next, until it is null.</summary>
public sealed record TicketListResponse(IReadOnlyList<TicketResponse> Items, string? NextCursor);

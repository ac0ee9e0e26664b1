namespace HelpDesk.Server.Contracts;

public sealed record ItemsResponse<T>(IReadOnlyList<T> Items);

namespace HelpDesk.Domain.Commands;

/// <summary>What a linked issue's system reports; at least one of status, comment and URL. <paramref name="Id"/> identifies the report there (a webhook delivery, a comment).</summary>
public sealed record RecordExternalUpdate(
    string System,
    string Key,
    string? Status = null,
    bool? Resolved = null,
    string? Comment = null,
    string? Author = null,
    string? Url = null,
    string? Id = null);

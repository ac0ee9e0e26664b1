using HelpDesk.Domain.Tickets;

namespace HelpDesk.Server.Contracts;

/// <param name="Html">The customer's HTML, sanitised when it was received; null when they sent text only.</param>
/// <param name="Attachments">Files that came with it; each downloads from its <see cref="AttachmentResponse.Url"/>.</param>
public sealed record MessageResponse(
    long Id, int Version, string Kind, MessageVisibility Visibility, Actor Author, string Body, DateTimeOffset At, string? Html, IReadOnlyList<AttachmentResponse> Attachments);

/// <param name="ContentId">For an inline image: the <c>cid:</c> its HTML refers to it by.</param>
public sealed record AttachmentResponse(string Id, string FileName, string ContentType, long Size, string? ContentId, string Url);

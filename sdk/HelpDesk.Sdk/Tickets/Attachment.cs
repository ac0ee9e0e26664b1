namespace HelpDesk.Sdk.Tickets;

/// <summary>A file kept by the hub (<see cref="IHelpDeskApi.StoreAttachmentAsync"/>), to attach to a ticket or a reply.</summary>
/// <param name="Id">The SHA-256 of its content in lower-case hex: the same file stored twice is kept once.</param>
/// <param name="FileName">Its name as the customer sent it.</param>
/// <param name="ContentType">Its MIME type (<c>image/png</c>).</param>
/// <param name="Size">Its size in bytes.</param>
public sealed record Attachment(string Id, string FileName, string ContentType, long Size)
{
    /// <summary>For an inline image: the id its HTML refers to as <c>cid:</c> this.</summary>
    public string? ContentId { get; init; }
}

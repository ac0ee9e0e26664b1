namespace HelpDesk.Domain.Tickets;

/// <summary>A file that came with a message, kept once by its content in the attachment store.</summary>
/// <param name="Id">The SHA-256 of its bytes in lower-case hex, so the same file sent twice is stored once.</param>
/// <param name="ContentId">Set for an inline image, which the HTML body refers to as <c>cid:</c> this.</param>
public sealed record Attachment(string Id, string FileName, string ContentType, long Size, string? ContentId = null)
{
    /// <summary>Whether the text has the form of an attachment id: 64 lower-case hex digits.</summary>
    public static bool IsId(string? id) => id is { Length: 64 } && id.All(char.IsAsciiHexDigitLower);
}

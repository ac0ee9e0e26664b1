namespace HelpDesk.Sdk.Capabilities;

/// <summary>
/// A file sent with an <see cref="OutboundMessage"/>: an attachment (a CSV export), or, with a
/// <see cref="ContentId"/>, an image the HTML body shows inline (a report's chart).
/// </summary>
/// <param name="FileName">Its name as the recipient sees it (<c>report.csv</c>).</param>
/// <param name="ContentType">Its MIME type (<c>text/csv</c>, <c>image/png</c>).</param>
/// <param name="Content">Its bytes.</param>
public sealed record OutboundAttachment(string FileName, string ContentType, ReadOnlyMemory<byte> Content)
{
    /// <summary>
    /// For an inline image: the id <see cref="OutboundMessage.HtmlBody"/> refers to it by, as <c>cid:</c> this (email's
    /// Content-ID, without angle brackets). A channel that cannot show images inline sends it as an attachment.
    /// </summary>
    public string? ContentId { get; init; }
}

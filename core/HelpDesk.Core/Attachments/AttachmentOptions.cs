namespace HelpDesk.Core.Attachments;

/// <summary><c>HelpDesk:Attachments</c>.</summary>
public sealed class AttachmentOptions
{
    /// <summary>The largest single file kept; 25 MB, as most mail servers accept.</summary>
    public long MaxBytes { get; set; } = 25 * 1024 * 1024;
}

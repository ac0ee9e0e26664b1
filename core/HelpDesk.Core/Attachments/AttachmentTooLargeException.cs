namespace HelpDesk.Core.Attachments;

public sealed class AttachmentTooLargeException(long maxBytes) : Exception($"The file is larger than the {maxBytes} bytes an attachment may have.")
{
    public long MaxBytes { get; } = maxBytes;
}

using HelpDesk.Sdk;
using MimeKit;
using SdkAttachment = HelpDesk.Sdk.Tickets.Attachment;

namespace HelpDesk.Connectors.Email.Inbound;

/// <summary>
/// Keeps a message's files (attachments, inline images, attached messages) in the hub's content-addressed store, up to
/// a total per message; a file past the limit is named in the ticket's text instead of silently dropped.
/// </summary>
public sealed class MailAttachments(IHelpDeskApi hub, long maxBytesPerMessage)
{
    public async Task<(IReadOnlyList<SdkAttachment> Kept, IReadOnlyList<string> Refused)> StoreAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var kept = new List<SdkAttachment>();
        var refused = new List<string>();
        long total = 0;
        foreach (var entity in Files(message))
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var content = new MemoryStream();
            string name;
            if (entity is MessagePart attached)
            {
                if (attached.Message is null)
                {
                    continue;
                }

                await attached.Message.WriteToAsync(content, cancellationToken);
                name = entity.ContentDisposition?.FileName ?? $"{attached.Message.Subject ?? "message"}.eml";
            }
            else
            {
                if (entity is not MimePart { Content: { } body } part)
                {
                    continue;
                }

                await body.DecodeToAsync(content, cancellationToken);
                name = part.FileName ?? $"attachment{Extension(part.ContentType.MimeType)}";
            }

            if (total + content.Length > maxBytesPerMessage)
            {
                refused.Add($"{name} ({Megabytes(content.Length)}) was not kept: a message keeps at most {Megabytes(maxBytesPerMessage)} of files.");
                continue;
            }

            total += content.Length;
            content.Position = 0;
            var stored = await hub.StoreAttachmentAsync(name, entity.ContentType.MimeType, content, cancellationToken);
            kept.Add(entity.ContentId is { Length: > 0 } contentId ? stored with { ContentId = contentId } : stored);
        }

        return (kept, refused);
    }

    private static IEnumerable<MimeEntity> Files(MimeMessage message)
    {
        var seen = new HashSet<MimeEntity>(ReferenceEqualityComparer.Instance);
        foreach (var entity in message.Attachments)
        {
            if (seen.Add(entity))
            {
                yield return entity;
            }
        }

        // Inline images are not "attachments" to MimeKit, but the HTML shows them by cid:, so the ticket needs them.
        foreach (var part in message.BodyParts.OfType<MimePart>())
        {
            if (part.ContentType.MediaType.Equals("image", StringComparison.OrdinalIgnoreCase) && part.ContentId is { Length: > 0 } && seen.Add(part))
            {
                yield return part;
            }
        }
    }

    private static string Extension(string mimeType) => MimeTypes.TryGetExtension(mimeType, out var extension) ? extension : "";

    private static string Megabytes(long bytes) => $"{bytes / (1024.0 * 1024.0):0.#} MB";
}

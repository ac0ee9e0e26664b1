using System.Security.Cryptography;
using HelpDesk.Core.Hosting;
using HelpDesk.Domain.Tickets;
using Microsoft.Extensions.Options;

namespace HelpDesk.Core.Attachments;

/// <summary>
/// Files kept by their content (<c>{DataDirectory}/attachments/ab/abcdef…</c>, named by SHA-256): the same file sent
/// twice, or re-imported after a crash, is stored once. A file is written under a temporary name and moved into place
/// only when complete, so a reader never sees half of one.
/// </summary>
public sealed class AttachmentStore(DataDirectory data, IOptions<AttachmentOptions> limits)
{
    private readonly string _root = data.Combine("attachments");

    public long MaxBytes => limits.Value.MaxBytes;

    /// <summary>Copies the content in, refusing it past <see cref="MaxBytes"/>; returns its id and size.</summary>
    public async Task<(string Id, long Size)> SaveAsync(Stream content, CancellationToken cancellationToken)
    {
        var directory = Path.Combine(_root, "incoming");
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $"{Guid.NewGuid():N}.part");
        try
        {
            string id;
            long size = 0;
            using (var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    size += read;
                    if (size > MaxBytes)
                    {
                        throw new AttachmentTooLargeException(MaxBytes);
                    }

                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }

                await file.FlushAsync(cancellationToken);
                id = Convert.ToHexStringLower(hash.GetHashAndReset());
            }

            var target = PathOf(id);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            if (File.Exists(target))
            {
                File.Delete(temporary);
            }
            else
            {
                File.Move(temporary, target, overwrite: true);
            }

            return (id, size);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    /// <summary>The file's content, or null when there is no such file (or the id is not one of ours).</summary>
    public Stream? OpenRead(string id) =>
        Attachment.IsId(id) && PathOf(id) is var path && File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true) : null;

    private string PathOf(string id) => Path.Combine(_root, id[..2], id);
}

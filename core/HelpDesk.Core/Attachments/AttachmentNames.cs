namespace HelpDesk.Core.Attachments;

/// <summary>Names and types as senders give them, made safe to store and to send back in a download's headers.</summary>
public static class AttachmentNames
{
    public static string FileName(string? name)
    {
        // Only the last path segment, without control characters: a name is shown and downloaded, never used as a path.
        var last = Path.GetFileName((name ?? "").Replace('\\', '/'));
        var clean = new string([.. last.Where(c => !char.IsControl(c))]).Trim();
        return clean.Length == 0 ? "attachment" : clean.Length > 255 ? clean[..255] : clean;
    }

    public static string ContentType(string? type) =>
        type is { Length: > 2 and <= 100 } && type.Count(c => c == '/') == 1 && type.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '+' or '-')
            ? type.ToLowerInvariant()
            : "application/octet-stream";
}

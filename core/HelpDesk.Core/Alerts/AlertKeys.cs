namespace HelpDesk.Core.Alerts;

public static class AlertKeys
{
    // Sources are single lines (AlertInput), so a line break cannot occur inside one and the key splits back unambiguously.
    public static string Of(string source, string dedupKey) => $"{source}\n{dedupKey}";

    public static (string Source, string DedupKey) Parse(string key)
    {
        var split = key.IndexOf('\n', StringComparison.Ordinal);
        return (key[..split], key[(split + 1)..]);
    }
}

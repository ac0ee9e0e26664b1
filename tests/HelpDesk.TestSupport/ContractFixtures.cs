namespace HelpDesk.TestSupport;

/// <summary>
/// The payload fixtures of the external APIs, in <c>shared/contracts/fixtures</c> beside the repository
/// (where CI puts it). Tests read the exact bytes: signatures are over bytes, not over parsed JSON.
/// </summary>
public static class ContractFixtures
{
    private static readonly Lazy<string?> Root = new(Find);

    public static byte[] Bytes(string system, string file)
    {
        ExternalService.Require(Root.Value is not null, "shared/contracts/fixtures was not found beside the repository.");
        return File.ReadAllBytes(Path.Combine(Root.Value!, system, file));
    }

    private static string? Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared", "contracts", "fixtures");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}

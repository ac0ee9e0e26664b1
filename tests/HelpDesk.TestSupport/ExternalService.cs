using Xunit;

namespace HelpDesk.TestSupport;

/// <summary>
/// A test that needs a real service (PostgreSQL…) calls <see cref="Require"/>: on a developer's machine
/// without it the test is skipped and says why; under CI=true a missing service fails the test instead.
/// </summary>
public static class ExternalService
{
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static void Require(bool available, string reason)
    {
        if (available)
        {
            return;
        }

        if (IsCi)
        {
            Assert.Fail($"Required under CI=true: {reason}");
        }

        Assert.Skip(reason);
    }
}

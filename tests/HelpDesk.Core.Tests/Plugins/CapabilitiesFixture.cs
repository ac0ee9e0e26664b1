using HelpDesk.TestSupport;

namespace HelpDesk.Core.Tests.Plugins;

/// <summary>Installs the capabilities fixture plugin (tests/Fixtures, copied beside the tests) into a plugins folder under an id.</summary>
internal static class CapabilitiesFixture
{
    public static string Install(string pluginsDirectory, string id) => FixturePlugins.Install(pluginsDirectory, "capabilities", "capabilities", id);
}

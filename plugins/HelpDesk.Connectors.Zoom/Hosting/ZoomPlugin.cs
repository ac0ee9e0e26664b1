using HelpDesk.Sdk;

namespace HelpDesk.Connectors.Zoom.Hosting;

/// <summary>Zoom meetings for tickets.</summary>
public sealed class ZoomPlugin : IHelpDeskPlugin
{
    /// <inheritdoc/>
    public void Register(PluginContext context)
    {
    }
}

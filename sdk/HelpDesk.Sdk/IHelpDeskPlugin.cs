namespace HelpDesk.Sdk;

/// <summary>
/// A plugin's entry point: the one class the host creates before anything else of the plugin runs. It registers
/// the plugin's services and its capabilities (implementations of the interfaces in <c>HelpDesk.Sdk.Capabilities</c>)
/// into the plugin's own service collection.
/// </summary>
public interface IHelpDeskPlugin
{
    /// <summary>Registers the plugin's services; called once per load, before any capability is used.</summary>
    /// <param name="context">The plugin's identity, configuration and service collection.</param>
    void Register(PluginContext context);
}

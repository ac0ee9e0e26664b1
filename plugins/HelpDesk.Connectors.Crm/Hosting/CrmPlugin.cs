using HelpDesk.Sdk;

namespace HelpDesk.Connectors.Crm.Hosting;

/// <summary>Customer context from HubSpot CRM.</summary>
public sealed class CrmPlugin : IHelpDeskPlugin
{
    /// <inheritdoc/>
    public void Register(PluginContext context)
    {
    }
}

using HelpDesk.Sdk;

namespace HelpDesk.Connectors.Erp.Hosting;

/// <summary>Business records from Odoo.</summary>
public sealed class ErpPlugin : IHelpDeskPlugin
{
    /// <inheritdoc/>
    public void Register(PluginContext context)
    {
    }
}

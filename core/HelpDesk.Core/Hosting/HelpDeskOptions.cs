using HelpDesk.Core.Storage;
using HelpDesk.Domain.Tickets;

namespace HelpDesk.Core.Hosting;

/// <summary>The <c>HelpDesk</c> configuration section; each key can be set from the environment (<c>HELPDESK__DATADIRECTORY</c>).</summary>
public sealed class HelpDeskOptions
{
    public const string Section = "HelpDesk";

    /// <summary>Relative paths are taken from the content root.</summary>
    public string DataDirectory { get; set; } = "data";

    public string PluginsDirectory { get; set; } = "plugins";

    public StorageOptions Storage { get; set; } = new();

    public BootstrapOptions Bootstrap { get; set; } = new();

    public OrleansEndpointOptions Orleans { get; set; } = new();

    /// <summary>Rows by impact (low, medium, high), each the priorities for urgency low, medium, high.</summary>
    public Dictionary<Impact, Priority[]> PriorityMatrix { get; set; } = [];
}

using HelpDesk.Core.Plugins.Hosting;
using HelpDesk.Core.Plugins.Manifests;
using HelpDesk.Sdk.Capabilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HelpDesk.Core.Plugins.Capabilities;

/// <summary>
/// Where core code finds what running plugins offer: "the escalation target named jira", "every customer context
/// provider". Only capabilities a plugin declared in its manifest count. Answers reflect the plugins running now.
/// </summary>
public sealed class PluginCapabilityCatalog(PluginHost host, ILogger<PluginCapabilityCatalog> logger)
{
    /// <summary>Every capability of this kind that running plugins offer, by plugin id.</summary>
    public IReadOnlyList<PluginCapability<T>> All<T>()
        where T : class, INamedCapability
    {
        var capability = PluginCapabilities.NameOf(typeof(T));
        var found = new List<PluginCapability<T>>();
        foreach (var status in host.List())
        {
            using var lease = host.Find(status.Id)?.TryEnter();
            if (lease is null)
            {
                continue;
            }

            found.AddRange(lease.Offered<T>().Select(c => new PluginCapability<T>(host.Find(status.Id)!, capability, c.Name, logger)));
        }

        return found;
    }

    /// <summary>
    /// The capability of this kind with this name (<c>jira</c>), or null when no running plugin offers it. When several
    /// plugins offer the name, the one whose id is the name wins (the first-party <c>jira</c> plugin over a copy); with
    /// no such plugin the catalog refuses to guess and answers null, logging the clash.
    /// </summary>
    public PluginCapability<T>? Find<T>(string name)
        where T : class, INamedCapability
    {
        var offered = All<T>().Where(c => c.Name == name).ToList();
        if (offered.Count <= 1)
        {
            return offered.FirstOrDefault();
        }

        var own = offered.Find(c => c.PluginId == name);
        if (own is null)
        {
            logger.LogWarning(
                "Plugins {Plugins} all offer a {Capability} named '{Name}'; none is used until only one does or one has that id",
                string.Join(", ", offered.Select(c => c.PluginId)), PluginCapabilities.NameOf(typeof(T)), name);
        }

        return own;
    }
}

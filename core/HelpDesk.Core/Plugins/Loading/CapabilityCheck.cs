using HelpDesk.Core.Plugins.Manifests;
using HelpDesk.Core.Scheduling;
using HelpDesk.Sdk.Capabilities;
using Microsoft.Extensions.DependencyInjection;

namespace HelpDesk.Core.Plugins.Loading;

/// <summary>
/// Checks what the hub will rely on in a plugin's capabilities: each one its manifest declares is registered; each
/// named one has a name, unique per capability, and schedules Quartz can run. A plugin that fails here is refused
/// with the reason, never half-run.
/// </summary>
internal static class CapabilityCheck
{
    /// <summary>Before the plugin's services are built: every declared capability is registered.</summary>
    public static void CheckDeclared(CheckedManifest manifest, IServiceCollection services)
    {
        foreach (var capability in manifest.Capabilities)
        {
            var contract = PluginCapabilities.Known[capability];
            if (!services.Any(s => s.ServiceType == contract))
            {
                throw new PluginLoadException($"The manifest declares '{capability}' but the plugin registers no {contract.Name}.");
            }
        }
    }

    /// <summary>After they are built: creates each named capability once and checks its name and schedule.</summary>
    public static void CheckNamed(CheckedManifest manifest, IServiceProvider services, DateTimeOffset now)
    {
        foreach (var (name, contract) in PluginCapabilities.Known.Where(p => typeof(INamedCapability).IsAssignableFrom(p.Value)))
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var capability in Resolve(manifest, services, contract))
            {
                try
                {
                    CheckOne(manifest, name, capability, names, now);
                }
                catch (Exception error) when (error is not PluginLoadException)
                {
                    throw new PluginLoadException($"{manifest.Id}'s {contract.Name} {capability.GetType().Name} threw {error.GetType().Name}: {error.Message}", error);
                }
            }
        }
    }

    private static void CheckOne(CheckedManifest manifest, string name, INamedCapability capability, HashSet<string> names, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(capability.Name))
        {
            throw new PluginLoadException($"{manifest.Id} registers a {name} ({capability.GetType().Name}) without a name.");
        }

        if (!names.Add(capability.Name))
        {
            throw new PluginLoadException($"{manifest.Id} registers two {name} capabilities named '{capability.Name}'.");
        }

        if (capability is IScheduledTask task && TaskScheduleCheck.Problem(task.Schedule, now) is { } problem)
        {
            throw new PluginLoadException($"The scheduled task '{task.Name}' of {manifest.Id} cannot be scheduled: {problem}.");
        }
    }

    private static List<INamedCapability> Resolve(CheckedManifest manifest, IServiceProvider services, Type contract)
    {
        try
        {
            return [.. services.GetServices(contract).OfType<INamedCapability>()];
        }
        catch (Exception error)
        {
            throw new PluginLoadException($"{manifest.Id} cannot create its {contract.Name}: {error.GetType().Name}: {error.Message}", error);
        }
    }
}

using System.Reflection;
using HelpDesk.Core.Plugins.Manifests;
using HelpDesk.Sdk;
using McMaster.NETCore.Plugins;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HelpDesk.Core.Plugins.Loading;

/// <summary>
/// One collectible load context per plugin (McMaster.NETCore.Plugins). Only the SDK and the abstractions it exposes
/// are shared with the hub, so a plugin may bring its own versions of anything else.
/// </summary>
public sealed class McMasterPluginLoader(TimeProvider? time = null) : IPluginLoader
{
    private static readonly Type[] SharedTypes =
    [
        typeof(IHelpDeskApi),
        typeof(IServiceCollection),
        typeof(IConfiguration),
        typeof(ILogger),
        typeof(Microsoft.Extensions.Primitives.StringValues),
    ];

    public LoadedPlugin Load(CheckedManifest manifest, IConfiguration configuration, Action<IServiceCollection> hostServices)
    {
        var loader = PluginLoader.CreateFromAssemblyFile(manifest.AssemblyPath, SharedTypes, config =>
        {
            config.IsUnloadable = true;
            config.PreferSharedTypes = true;

            // Read into memory so a new version can be copied over the files while this one runs.
            config.LoadInMemory = true;
        });
        try
        {
            var assembly = loader.LoadDefaultAssembly();
            var entryPoint = EntryPointOf(assembly, manifest);
            var services = new ServiceCollection();
            hostServices(services);
            try
            {
                entryPoint.Register(new PluginContext(manifest.Id, configuration, services));
            }
            catch (Exception error)
            {
                throw new PluginLoadException($"{manifest.EntryPoint}.Register threw {error.GetType().Name}: {error.Message}", error);
            }

            CapabilityCheck.CheckDeclared(manifest, services);
            ServiceProvider provider;
            try
            {
                provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
            }
            catch (Exception error) when (error is InvalidOperationException or AggregateException)
            {
                throw new PluginLoadException($"{manifest.Id} registers services that cannot be built: {error.Message}", error);
            }

            try
            {
                CapabilityCheck.CheckNamed(manifest, provider, (time ?? TimeProvider.System).GetUtcNow());
            }
            catch
            {
                provider.Dispose();
                throw;
            }

            return new LoadedPlugin(manifest, provider, loader, loader.LoadContext);
        }
        catch
        {
            loader.Dispose();
            throw;
        }
    }

    private static IHelpDeskPlugin EntryPointOf(Assembly assembly, CheckedManifest manifest)
    {
        try
        {
            // Forcing every type now makes a plugin with a missing or mismatched dependency fail at load, not later.
            assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException error)
        {
            var causes = string.Join("; ", error.LoaderExceptions.Select(e => e?.Message).Where(m => m is not null).Distinct().Take(3));
            throw new PluginLoadException($"{Path.GetFileName(manifest.AssemblyPath)} cannot load its types: {causes}", error);
        }

        var type = assembly.GetType(manifest.EntryPoint, throwOnError: false)
            ?? throw new PluginLoadException($"The entry point {manifest.EntryPoint} is not in {Path.GetFileName(manifest.AssemblyPath)}.");
        if (!typeof(IHelpDeskPlugin).IsAssignableFrom(type) || type.GetConstructor(Type.EmptyTypes) is null)
        {
            throw new PluginLoadException($"{manifest.EntryPoint} must be a class implementing {nameof(IHelpDeskPlugin)} of this hub's SDK, with a public parameterless constructor.");
        }

        return (IHelpDeskPlugin)Activator.CreateInstance(type)!;
    }
}

namespace HelpDesk.Core.Plugins.Hosting;

public enum PluginState
{
    Loading,
    Running,

    /// <summary>It could not be loaded or started; <see cref="PluginStatus.Error"/> says why. The rest of the hub runs on.</summary>
    Faulted,

    /// <summary>Switched off by an admin; its events wait at its checkpoint until it is enabled.</summary>
    Disabled,
}

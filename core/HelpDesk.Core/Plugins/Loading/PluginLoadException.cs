namespace HelpDesk.Core.Plugins.Loading;

/// <summary>A plugin could not be loaded; the message is what an admin sees as the plugin's error.</summary>
public sealed class PluginLoadException(string message, Exception? inner = null) : Exception(message, inner);

using Microsoft.Extensions.Configuration;

namespace HelpDesk.Connectors.Monitoring.Hosting;

/// <summary>The plugin's section, <c>HelpDesk:Plugins:monitoring</c>: one subsection per endpoint.</summary>
public sealed record MonitoringOptions(AlertmanagerOptions Alertmanager, GrafanaOptions Grafana, EventsOptions Events, GenericOptions Generic)
{
    /// <summary>The longest source name the hub accepts on an alert signal.</summary>
    public const int MaxSourceLength = 128;

    /// <summary>Reads the section; an unusable value fails the plugin's load with the key at fault.</summary>
    /// <exception cref="InvalidOperationException">A source name is too long or not a single line.</exception>
    public static MonitoringOptions From(IConfiguration section) => new(
        new AlertmanagerOptions(Secret(section, "Alertmanager:BearerToken"), SourceName(section, "Alertmanager:Source", "alertmanager")),
        new GrafanaOptions(Secret(section, "Grafana:BearerToken"), Secret(section, "Grafana:SigningSecret"), SourceName(section, "Grafana:Source", "grafana")),
        new EventsOptions(Secret(section, "Events:HmacSecret")),
        new GenericOptions(Secret(section, "Generic:BearerToken"), SourceName(section, "Generic:Source", "generic")));

    // Blank counts as absent: an empty environment variable must not become an empty (guessable) secret.
    private static string? Secret(IConfiguration section, string key) => section[key] is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static string SourceName(IConfiguration section, string key, string fallback)
    {
        var name = section[key]?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            return fallback;
        }

        return name.Length <= MaxSourceLength && !name.Any(char.IsControl)
            ? name
            : throw new InvalidOperationException($"monitoring: {key} '{name}' must be one line of at most {MaxSourceLength} characters.");
    }
}

namespace HelpDesk.Connectors.Monitoring.Tests;

/// <summary>The test secrets of the contract fixtures (shared/contracts), as the plugin's settings.</summary>
internal static class Settings
{
    public const string AlertmanagerToken = "test-alertmanager-token";
    public const string GrafanaToken = "test-grafana-token";
    public const string GrafanaSecret = "grafana-test-secret";
    public const string EventsSecret = "helpdesk-events-test-secret";
    public const string GenericToken = "test-generic-token";

    public static Dictionary<string, string?> All(bool grafanaSigning = false) => new()
    {
        ["Alertmanager:BearerToken"] = AlertmanagerToken,
        ["Grafana:BearerToken"] = GrafanaToken,
        ["Grafana:SigningSecret"] = grafanaSigning ? GrafanaSecret : null,
        ["Events:HmacSecret"] = EventsSecret,
        ["Generic:BearerToken"] = GenericToken,
    };
}

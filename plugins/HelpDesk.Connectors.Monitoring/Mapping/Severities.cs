using HelpDesk.Sdk.Alerts;

namespace HelpDesk.Connectors.Monitoring.Mapping;

/// <summary>
/// Severity words monitoring setups use, onto PagerDuty's four levels. Rules name severities freely (<c>page</c>,
/// <c>P1</c>, <c>major</c>); a word not listed becomes <see cref="AlertSeverity.Warning"/>, the SDK's default.
/// </summary>
internal static class Severities
{
    private static readonly Dictionary<string, AlertSeverity> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["critical"] = AlertSeverity.Critical, ["crit"] = AlertSeverity.Critical, ["page"] = AlertSeverity.Critical,
        ["fatal"] = AlertSeverity.Critical, ["emergency"] = AlertSeverity.Critical, ["disaster"] = AlertSeverity.Critical,
        ["p1"] = AlertSeverity.Critical, ["sev1"] = AlertSeverity.Critical,
        ["error"] = AlertSeverity.Error, ["err"] = AlertSeverity.Error, ["high"] = AlertSeverity.Error,
        ["major"] = AlertSeverity.Error, ["p2"] = AlertSeverity.Error, ["sev2"] = AlertSeverity.Error,
        ["warning"] = AlertSeverity.Warning, ["warn"] = AlertSeverity.Warning, ["medium"] = AlertSeverity.Warning,
        ["minor"] = AlertSeverity.Warning, ["average"] = AlertSeverity.Warning, ["p3"] = AlertSeverity.Warning,
        ["info"] = AlertSeverity.Info, ["informational"] = AlertSeverity.Info, ["information"] = AlertSeverity.Info,
        ["low"] = AlertSeverity.Info, ["notice"] = AlertSeverity.Info, ["none"] = AlertSeverity.Info,
        ["p4"] = AlertSeverity.Info, ["p5"] = AlertSeverity.Info,
    };

    /// <summary>PagerDuty's own names, the only ones its events and the generic form accept.</summary>
    public static readonly IReadOnlyDictionary<string, AlertSeverity> Exact = new Dictionary<string, AlertSeverity>(StringComparer.Ordinal)
    {
        ["critical"] = AlertSeverity.Critical,
        ["error"] = AlertSeverity.Error,
        ["warning"] = AlertSeverity.Warning,
        ["info"] = AlertSeverity.Info,
    };

    public const string ExactNames = "critical, error, warning, info";

    public static AlertSeverity FromLabel(string? value) =>
        value is not null && Aliases.TryGetValue(value.Trim(), out var severity) ? severity : AlertSeverity.Warning;
}

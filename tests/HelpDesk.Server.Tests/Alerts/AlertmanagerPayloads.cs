using System.Globalization;
using System.Text;

namespace HelpDesk.Server.Tests.Alerts;

/// <summary>Alertmanager notifications made to measure, in the compact form the real sender writes (one <c>\n</c> at the end).</summary>
internal static class AlertmanagerPayloads
{
    public static byte[] Firing(int alerts, string alertName = "NodeDown", int firstInstance = 0)
    {
        var body = new StringBuilder()
            .Append("""{"receiver":"helpdesk","status":"firing","alerts":[""");
        for (var i = 0; i < alerts; i++)
        {
            var instance = (firstInstance + i).ToString("D6", CultureInfo.InvariantCulture);
            body.Append(i == 0 ? "" : ",")
                .Append(CultureInfo.InvariantCulture, $$"""{"status":"firing","labels":{"alertname":"{{alertName}}","instance":"node-{{instance}}.example.com:9100","job":"node","severity":"critical"},"annotations":{"summary":"Node node-{{instance}} is down"},"startsAt":"2026-11-22T10:00:00Z","endsAt":"0001-01-01T00:00:00Z","generatorURL":"http://prometheus.example.com:9090/graph","fingerprint":"{{Fingerprint(alertName, firstInstance + i)}}"}""");
        }

        body.Append(CultureInfo.InvariantCulture, $$"""],"groupLabels":{"alertname":"{{alertName}}"},"commonLabels":{"alertname":"{{alertName}}","job":"node","severity":"critical"},"commonAnnotations":{},"externalURL":"http://alertmanager.example.com:9093","version":"4","groupKey":"{}:{alertname=\"{{alertName}}\"}","truncatedAlerts":0}""")
            .Append('\n');
        return Encoding.UTF8.GetBytes(body.ToString());
    }

    // Stands in for Alertmanager's label hash: 16 hex digits, one per alert.
    private static string Fingerprint(string alertName, int instance) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes($"{alertName}/{instance}")))[..16];
}

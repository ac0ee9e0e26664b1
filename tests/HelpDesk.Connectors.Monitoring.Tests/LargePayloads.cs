using System.Globalization;
using System.Text;

namespace HelpDesk.Connectors.Monitoring.Tests;

/// <summary>Alertmanager notifications of any size, compact as Alertmanager sends them.</summary>
internal static class LargePayloads
{
    public static byte[] Alertmanager(int alerts)
    {
        var body = new StringBuilder("""{"receiver":"helpdesk","status":"firing","alerts":[""");
        for (var index = 0; index < alerts; index++)
        {
            body.Append(index == 0 ? "" : ",").Append(CultureInfo.InvariantCulture, $$"""
                {"status":"firing","labels":{"alertname":"DiskFull","instance":"node-{{index}}.example.com:9100","severity":"warning"},"annotations":{"summary":"Disk almost full on node-{{index}}"},"startsAt":"2026-11-22T08:00:00.123456789Z","endsAt":"0001-01-01T00:00:00Z","generatorURL":"http://prometheus.example.com:9090/graph","fingerprint":"{{index:x16}}"}
                """);
        }

        body.Append("""],"groupLabels":{"alertname":"DiskFull"},"commonLabels":{},"commonAnnotations":{},"externalURL":"http://alertmanager.example.com:9093","version":"4","groupKey":"{}:{alertname=\"DiskFull\"}","truncatedAlerts":0}""").Append('\n');
        return Encoding.UTF8.GetBytes(body.ToString());
    }
}

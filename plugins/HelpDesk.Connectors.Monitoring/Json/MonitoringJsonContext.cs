using System.Text.Json.Serialization;
using HelpDesk.Connectors.Monitoring.Alertmanager;
using HelpDesk.Connectors.Monitoring.Events;
using HelpDesk.Connectors.Monitoring.Generic;
using HelpDesk.Connectors.Monitoring.Grafana;

namespace HelpDesk.Connectors.Monitoring.Json;

// Case-insensitive like Go's encoding/json, so "generatorURL" binds to GeneratorUrl; unknown members are ignored.
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(AlertmanagerNotification))]
[JsonSerializable(typeof(GrafanaNotification))]
[JsonSerializable(typeof(PagerDutyEvent))]
[JsonSerializable(typeof(EventsAnswer))]
[JsonSerializable(typeof(GenericAlert))]
[JsonSerializable(typeof(List<GenericAlert>))]
internal sealed partial class MonitoringJsonContext : JsonSerializerContext;

using System.Text.Json;
using System.Text.Json.Serialization;

namespace HelpDesk.Core.Storage;

/// <summary>How settings documents (agents, queues, rules, calendars, SLA policies, macros) are stored: the API's spelling.</summary>
public static class SettingsJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}

using System.Text.RegularExpressions;
using HelpDesk.Domain.Commands;
using HelpDesk.Domain.Settings;

namespace HelpDesk.Domain.Routing;

/// <summary>Checks agents and queues before they are saved; each problem names the field as the API spells it.</summary>
public static partial class RoutingInput
{
    public const int MaxListLength = 50;
    public const int MaxCapacity = 1000;

    public static Rejection? Check(Agent agent)
    {
        if (SettingsInput.Id("id", agent.Id) is { } id)
        {
            return id;
        }

        if (SettingsInput.Name("name", agent.Name) is { } name)
        {
            return name;
        }

        if (TicketInput.Email("email", agent.Email) is { } email)
        {
            return email;
        }

        if (agent.Capacity is < 0 or > MaxCapacity)
        {
            return Rejection.Invalid("capacity", $"capacity is how many open tickets the agent can carry: 0 to {MaxCapacity}.");
        }

        if (agent.TimeZone is { } zone && !TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
        {
            return Rejection.Invalid("timeZone", $"'{zone}' is not a known IANA time zone (such as Europe/Berlin).");
        }

        if (agent.AccessFrom is { } from && agent.AccessUntil is { } until && until < from)
        {
            return Rejection.Invalid("accessUntil", "accessUntil is before accessFrom.");
        }

        if (agent.Kind == AgentKind.Full && (agent.AccessFrom is not null || agent.AccessUntil is not null || agent.Queues.Count > 0))
        {
            return Rejection.Invalid("kind", "Only occasional agents have limited queues and access dates; full agents see every queue.");
        }

        return List("languages", agent.Languages, LanguageTag()) ?? List("skills", agent.Skills, null) ?? List("queues", agent.Queues, SettingsInput.IdPattern());
    }

    public static Rejection? Check(Queue queue) =>
        SettingsInput.Id("id", queue.Id) ?? SettingsInput.Name("name", queue.Name) ?? List("members", queue.Members, SettingsInput.IdPattern()) ?? List("requiredSkills", queue.RequiredSkills, null);

    private static Rejection? List(string field, IReadOnlyList<string>? values, Regex? pattern)
    {
        if (values is null)
        {
            return null;
        }

        if (values.Count > MaxListLength)
        {
            return Rejection.Invalid(field, $"{field} has more than {MaxListLength} entries.");
        }

        var bad = values.FirstOrDefault(v => string.IsNullOrWhiteSpace(v) || v.Length > 64 || v.Any(char.IsControl) || (pattern is not null && !pattern.IsMatch(v)));
        if (bad is not null || values.Count != values.Distinct(StringComparer.OrdinalIgnoreCase).Count())
        {
            return Rejection.Invalid(field, bad is null ? $"{field} lists an entry twice." : $"'{bad}' is not a valid entry of {field}.");
        }

        return null;
    }

    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]
    private static partial Regex LanguageTag();
}

using HelpDesk.Domain.Tickets;

namespace HelpDesk.Domain.Rules;

public enum RuleFieldKind
{
    /// <summary>One of a fixed set of words (status, priority, channel, type).</summary>
    Choice,

    /// <summary>Free text (queue, subject, requester's email, a custom field).</summary>
    Text,

    /// <summary>A set of words (tags).</summary>
    Set,

    /// <summary>A number of hours since something happened.</summary>
    Hours,

    /// <summary>A count (the customer's overdue invoices).</summary>
    Number,
}

/// <summary>
/// What rule conditions can test, and how each is read from a ticket. Values are compared without regard to case;
/// choices use the API's spelling (<c>on-hold</c>).
/// </summary>
public static class RuleFields
{
    public const string CustomFieldPrefix = "fields.";

    /// <summary>A customer's other facts from the context providers: <c>customer.attributes.lifecyclestage</c>.</summary>
    public const string CustomerAttributePrefix = "customer.attributes.";

    private static readonly Dictionary<string, (RuleFieldKind Kind, string[] Choices)> Known = new(StringComparer.Ordinal)
    {
        ["status"] = (RuleFieldKind.Choice, Words<TicketStatus>()),
        ["priority"] = (RuleFieldKind.Choice, Words<Priority>()),
        ["channel"] = (RuleFieldKind.Choice, Words<Channel>()),
        ["type"] = (RuleFieldKind.Choice, Words<TicketType>()),
        ["queue"] = (RuleFieldKind.Text, []),
        ["assignee"] = (RuleFieldKind.Text, []),
        ["category"] = (RuleFieldKind.Text, []),
        ["subject"] = (RuleFieldKind.Text, []),
        ["description"] = (RuleFieldKind.Text, []),
        ["requester.email"] = (RuleFieldKind.Text, []),
        ["requester.language"] = (RuleFieldKind.Text, []),
        ["requester.organization"] = (RuleFieldKind.Text, []),
        ["requester.timeZone"] = (RuleFieldKind.Text, []),
        ["tags"] = (RuleFieldKind.Set, []),
        ["customer.segment"] = (RuleFieldKind.Text, []),
        ["customer.region"] = (RuleFieldKind.Text, []),
        ["customer.tier"] = (RuleFieldKind.Text, []),
        ["customer.vip"] = (RuleFieldKind.Choice, ["true", "false"]),
        ["customer.company"] = (RuleFieldKind.Text, []),
        ["customer.owner"] = (RuleFieldKind.Text, []),
        ["customer.language"] = (RuleFieldKind.Text, []),
        ["customer.overdueInvoices"] = (RuleFieldKind.Number, []),
        ["hoursSinceCreated"] = (RuleFieldKind.Hours, []),
        ["hoursSinceUpdated"] = (RuleFieldKind.Hours, []),
    };

    public static IReadOnlyCollection<string> Names => Known.Keys;

    public static bool TryDescribe(string field, out RuleFieldKind kind, out IReadOnlyList<string> choices)
    {
        if ((field.StartsWith(CustomFieldPrefix, StringComparison.Ordinal) && field.Length > CustomFieldPrefix.Length)
            || (field.StartsWith(CustomerAttributePrefix, StringComparison.Ordinal) && field.Length > CustomerAttributePrefix.Length))
        {
            (kind, choices) = (RuleFieldKind.Text, []);
            return true;
        }

        var found = Known.TryGetValue(field, out var known);
        (kind, choices) = (known.Kind, known.Choices ?? []);
        return found;
    }

    /// <summary>The field's value(s) on the ticket (and the requester's customer record); empty when it has none.</summary>
    public static IReadOnlyList<string> Read(TicketState ticket, string field, CustomerContext? customer = null) => field switch
    {
        "customer.segment" => Optional(customer?.Segment),
        "customer.region" => Optional(customer?.Region),
        "customer.tier" => Optional(customer?.Tier),
        "customer.vip" => customer is null ? [] : [customer.Vip ? "true" : "false"],
        "customer.company" => Optional(customer?.Company),
        "customer.owner" => Optional(customer?.Owner),
        "customer.language" => Optional(customer?.Language),
        _ when field.StartsWith(CustomerAttributePrefix, StringComparison.Ordinal) => Optional(customer?.Attributes.GetValueOrDefault(field[CustomerAttributePrefix.Length..])),
        "status" => [Word(ticket.Status)],
        "priority" => [Word(ticket.Priority)],
        "channel" => [Word(ticket.Channel)],
        "type" => [Word(ticket.Type)],
        "queue" => Optional(ticket.Queue),
        "assignee" => Optional(ticket.Assignee),
        "category" => Optional(ticket.Category),
        "subject" => [ticket.Subject],
        "description" => [ticket.Description],
        "requester.email" => Optional(ticket.Requester?.Email),
        "requester.language" => Optional(ticket.Requester?.Language),
        "requester.organization" => Optional(ticket.Requester?.Organization),
        "requester.timeZone" => Optional(ticket.Requester?.TimeZone),
        "tags" => [.. ticket.Tags],
        _ when field.StartsWith(CustomFieldPrefix, StringComparison.Ordinal) => Optional(ticket.Fields.GetValueOrDefault(field[CustomFieldPrefix.Length..])),
        _ => [],
    };

    public static double Hours(TicketState ticket, string field, DateTimeOffset now, CustomerContext? customer = null) => field switch
    {
        "customer.overdueInvoices" => customer?.OverdueInvoices ?? 0,
        "hoursSinceCreated" => (now - ticket.CreatedAt).TotalHours,
        "hoursSinceUpdated" => (now - ticket.UpdatedAt).TotalHours,
        _ => 0,
    };

    public static string Word<T>(T value)
        where T : struct, Enum => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    private static string[] Words<T>()
        where T : struct, Enum => [.. Enum.GetValues<T>().Select(Word)];

    private static IReadOnlyList<string> Optional(string? value) => value is null ? [] : [value];
}

namespace HelpDesk.Core.Queries;

/// <summary>Spelled <c>created</c> (oldest first) or <c>-created</c> (newest first), and likewise for the other fields.</summary>
public sealed record TicketSort(TicketSortField Field, bool Descending)
{
    public static TicketSort Default { get; } = new(TicketSortField.Created, Descending: true);

    public static IReadOnlyList<string> Spellings { get; } =
        [.. Enum.GetValues<TicketSortField>().SelectMany(f => new[] { Spelling(f), "-" + Spelling(f) })];

    internal string Column => Field switch
    {
        TicketSortField.Created => "created_at",
        TicketSortField.Updated => "updated_at",
        TicketSortField.Priority => "priority",
        TicketSortField.DueAt => "sla_due_at",
        _ => "number",
    };

    public static bool TryParse(string? text, out TicketSort sort)
    {
        sort = Default;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        var descending = text.StartsWith('-');
        var name = descending ? text[1..] : text;
        if (name.Length == 0 || !name.All(char.IsAsciiLetter) || !Enum.TryParse<TicketSortField>(name, ignoreCase: true, out var field))
        {
            return false;
        }

        sort = new TicketSort(field, descending);
        return true;
    }

    public override string ToString() => (Descending ? "-" : "") + Spelling(Field);

    // camelCase as the API spells fields: created, dueAt.
    private static string Spelling(TicketSortField field) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(field.ToString());
}

namespace HelpDesk.Domain.Tickets;

/// <summary>Impact × urgency → priority, the ITIL way; a deployment may configure its own table.</summary>
public sealed class PriorityMatrix
{
    private readonly Priority[,] _table;

    public PriorityMatrix(Priority[,] table)
    {
        if (table.GetLength(0) != 3 || table.GetLength(1) != 3)
        {
            throw new ArgumentException("The matrix needs one row per impact and one column per urgency (3 × 3).", nameof(table));
        }

        _table = (Priority[,])table.Clone();
    }

    public static PriorityMatrix Default { get; } = new(new[,]
    {
        // urgency:  low             medium           high
        { Priority.Low, Priority.Low, Priority.Normal },      // impact low
        { Priority.Low, Priority.Normal, Priority.High },     // impact medium
        { Priority.Normal, Priority.High, Priority.Urgent },  // impact high
    });

    public Priority For(Impact impact, Urgency urgency) => _table[(int)impact, (int)urgency];

    /// <summary>Reads rows such as <c>"high": ["normal", "high", "urgent"]</c> (urgency low, medium, high).</summary>
    public static PriorityMatrix FromRows(IReadOnlyDictionary<Impact, Priority[]> rows)
    {
        var table = (Priority[,])Default._table.Clone();
        foreach (var (impact, priorities) in rows)
        {
            if (priorities.Length != 3)
            {
                throw new ArgumentException($"Impact '{impact}' needs exactly three priorities (urgency low, medium, high).", nameof(rows));
            }

            for (var urgency = 0; urgency < 3; urgency++)
            {
                table[(int)impact, urgency] = priorities[urgency];
            }
        }

        return new PriorityMatrix(table);
    }
}

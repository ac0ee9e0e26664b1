using System.Data.Common;

namespace HelpDesk.Core.Storage;

internal static class DbCommandExtensions
{
    public static DbCommand Command(this DbConnection connection, string sql, DbTransaction? transaction = null)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    public static DbCommand With(this DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return command;
    }

    /// <summary>The placeholders <c>@{prefix}0, @{prefix}1, …</c> of an <c>IN (…)</c> list that <see cref="WithEach"/> binds.</summary>
    public static string ListOf(string prefix, int count) => string.Join(", ", Enumerable.Range(0, count).Select(i => $"@{prefix}{i}"));

    /// <summary>Binds each value as <c>@{prefix}{i}</c>, in order.</summary>
    public static DbCommand WithEach<T>(this DbCommand command, string prefix, IEnumerable<T> values)
    {
        var i = 0;
        foreach (var value in values)
        {
            command.With($"@{prefix}{i++}", value);
        }

        return command;
    }

    /// <summary>Binds the values and returns their placeholders, for SQL built while the command is at hand.</summary>
    public static string WithList<T>(this DbCommand command, string prefix, IReadOnlyCollection<T> values)
    {
        command.WithEach(prefix, values);
        return ListOf(prefix, values.Count);
    }

    public static string? NullableString(this DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static long? NullableInt64(this DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal);
}

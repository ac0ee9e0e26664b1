using System.Globalization;
using System.Text;
using HelpDesk.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace HelpDesk.Server.Tests.Infrastructure;

/// <summary>
/// Every row of every table a request can write, as text: equal snapshots before and after a refused request
/// prove it stored nothing, whatever the API would show.
/// </summary>
public static class StoreSnapshot
{
    // counters is left out on purpose: a refused create may use up a ticket number, and numbers are not gap-free by design.
    private static readonly string[] Tables = ["tickets", "ticket_events", "ticket_texts", "ticket_tags", "api_keys", "idempotency_keys"];

    public static async Task<string> SnapshotStoreAsync(this HelpDeskApp app)
    {
        var database = app.Services.GetRequiredService<Database>();
        var text = new StringBuilder();
        await using var connection = await database.OpenAsync(CancellationToken.None);
        foreach (var table in Tables)
        {
            text.Append("# ").AppendLine(table);
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM {table} ORDER BY 1, 2";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    text.Append(i == 0 ? "" : " | ").Append(Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture));
                }

                text.AppendLine();
            }
        }

        return text.ToString();
    }
}

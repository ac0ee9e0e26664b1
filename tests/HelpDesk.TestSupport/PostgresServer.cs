using Npgsql;

namespace HelpDesk.TestSupport;

/// <summary>
/// The PostgreSQL the tests use: <c>HELPDESK_TEST_POSTGRES</c>, or a local server on 127.0.0.1:5432 as
/// <c>.ci/run</c> starts it. Each test gets a database of its own, dropped afterwards.
/// </summary>
public static class PostgresServer
{
    private static readonly Lazy<Task<bool>> Available = new(ProbeAsync);

    public static string AdminConnectionString =>
        Environment.GetEnvironmentVariable("HELPDESK_TEST_POSTGRES")
        ?? "Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres;Database=postgres;Timeout=3";

    public static async Task RequireAsync()
    {
        ExternalService.Require(await Available.Value, $"PostgreSQL is not reachable at '{new NpgsqlConnectionStringBuilder(AdminConnectionString) { Password = null }}' (set HELPDESK_TEST_POSTGRES, or run .ci/run).");
    }

    public static async Task<TestDatabase> CreateDatabaseAsync()
    {
        await RequireAsync();
        var name = $"hd_test_{Guid.NewGuid():N}";
        await ExecuteAsync($"CREATE DATABASE {name}");
        var connectionString = new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name, Pooling = true }.ToString();
        return new TestDatabase(name, connectionString);
    }

    internal static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<bool> ProbeAsync()
    {
        try
        {
            await ExecuteAsync("SELECT 1");
            return true;
        }
        catch (Exception)
        {
            return false;
        }
    }

    public sealed record TestDatabase(string Name, string ConnectionString) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");
        }
    }
}

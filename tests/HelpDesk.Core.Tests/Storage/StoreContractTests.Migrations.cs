namespace HelpDesk.Core.Tests.Storage;

public abstract partial class StoreContractTests
{
    private static readonly string[] TablesStartingEmpty =
        ["ticket_events", "tickets", "ticket_tags", "ticket_texts", "api_keys", "idempotency_keys"];

    [Fact]
    public async Task Migrating_an_empty_database_creates_every_table_and_records_each_script()
    {
        var empty = Connect(await CreateEmptyDatabaseAsync());

        await MigrateAsync(empty);

        Assert.Equal(empty.Migrations.Count, await ScalarAsync("SELECT COUNT(*) FROM schema_migrations", empty));
        Assert.Equal(empty.Migrations.Count, await ScalarAsync("SELECT MAX(version) FROM schema_migrations", empty));
        foreach (var table in TablesStartingEmpty)
        {
            Assert.Equal(0, await ScalarAsync($"SELECT COUNT(*) FROM {table}", empty));
        }

        Assert.Equal(0, await ScalarAsync("SELECT value FROM counters WHERE name = 'ticket-number'", empty));
    }

    [Fact]
    public async Task Migrating_again_changes_nothing_and_keeps_the_data()
    {
        var ticket = await OpenTicketAsync();
        var recorded = await AllValuesAsync("schema_migrations");

        await MigrateAsync(Database);
        await MigrateAsync(Connect());

        Assert.Equal(recorded, await AllValuesAsync("schema_migrations"));
        Assert.Equal(0, await ScalarAsync("SELECT value FROM counters WHERE name = 'ticket-number'"));
        Assert.Single(await Store.ReadTicketAsync(ticket.Number, CancellationToken.None));
        AssertSameTicket(ticket.State, await Queries.GetAsync(ticket.Number, CancellationToken.None));
    }

    [Fact]
    public async Task Silos_starting_at_once_on_an_empty_database_all_migrate_and_apply_each_script_once()
    {
        // A race shows only sometimes: several fresh databases make a lost one near certain.
        for (var round = 0; round < 4; round++)
        {
            var location = await CreateEmptyDatabaseAsync();
            var silos = Enumerable.Range(0, 8).Select(_ => Connect(location)).ToList();
            // Connected beforehand, so the migrations start together instead of one connection set-up apart.
            await Task.WhenAll(silos.Select(s => ScalarAsync("SELECT 1", s)));

            await Task.WhenAll(silos.Select(MigrateAsync));

            Assert.Equal(silos[0].Migrations.Count, await ScalarAsync("SELECT COUNT(*) FROM schema_migrations", silos[0]));
            Assert.Equal(1, await ScalarAsync("SELECT COUNT(*) FROM counters", silos[0]));
        }
    }
}

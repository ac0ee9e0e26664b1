using HelpDesk.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Quartz;

namespace HelpDesk.Core.Scheduling;

/// <summary>
/// The hub's own Quartz scheduler (the container's default one), for work done once however many nodes run: report
/// schedules and the cluster-wide scans. On PostgreSQL it is Quartz's clustered ADO.NET job store in the hub's database,
/// its tables from our migrations, so each firing runs on one node and a schedule saved on any node is the cluster's.
/// On SQLite there is one node, and the in-memory store is set up afresh at every start.
/// </summary>
public static class HubSchedulerExtensions
{
    public static IServiceCollection AddHubScheduler(this IServiceCollection services, StorageOptions storage) =>
        services.AddQuartz(quartz =>
        {
            if (storage.Provider != StorageProvider.PostgreSql)
            {
                quartz.UseInMemoryStore();
                return;
            }

            quartz.UsePersistentStore(store =>
            {
                store.UsePostgres(NpgsqlFactory.Instance, storage.ConnectionString ?? throw new InvalidOperationException("HelpDesk:Storage:ConnectionString is required for PostgreSql."));
                store.UseClustering();
                store.ConfigureStore(options =>
                {
                    options.TablePrefix = QuartzPostgreSqlSchema.TablePrefix;

                    // Our job data are plain strings (a schedule's id): kept readable, tied to no serializer's format.
                    options.StoreJobDataAsStrings = true;
                });
            });
        });
}

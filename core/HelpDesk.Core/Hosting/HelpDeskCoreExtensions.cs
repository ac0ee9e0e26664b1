using HelpDesk.Core.Alerts;
using HelpDesk.Core.Attachments;
using HelpDesk.Core.Messages;
using HelpDesk.Core.Plugins;
using HelpDesk.Core.Satisfaction;
using HelpDesk.Core.Customers;
using HelpDesk.Core.Meetings;
using HelpDesk.Core.Escalations;
using HelpDesk.Core.EventFeed;
using HelpDesk.Core.Plugins.Capabilities;
using HelpDesk.Core.Plugins.Hosting;
using HelpDesk.Core.Plugins.Loading;
using HelpDesk.Core.Notifications;
using HelpDesk.Core.Queries;
using HelpDesk.Core.Routing;
using HelpDesk.Core.Rules;
using HelpDesk.Core.Scheduling;
using HelpDesk.Core.Security;
using HelpDesk.Core.Sla;
using HelpDesk.Core.Storage;
using HelpDesk.Core.Tickets;
using HelpDesk.Domain.Commands;
using HelpDesk.Domain.Events;
using HelpDesk.Domain.Tickets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Serialization;
using Quartz;

namespace HelpDesk.Core.Hosting;

public static class HelpDeskCoreExtensions
{
    /// <summary>
    /// Storage, queries, security, ticket commands, the event feed, the plugin host, routing, automation, SLAs and
    /// notifications; the silo comes from <see cref="AddHelpDeskGrains"/>.
    /// </summary>
    public static IServiceCollection AddHelpDeskCore(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.AddOptions<HelpDeskOptions>().Bind(configuration.GetSection(HelpDeskOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        // Hosted services start in this order: the store is migrated before the feed reads it and before plugins load.
        services.AddStore(configuration, contentRoot);
        services.AddHubScheduler(configuration.GetSection($"{HelpDeskOptions.Section}:Storage").Get<StorageOptions>() ?? new StorageOptions());
        services.AddTickets(configuration);
        services.AddEventFeed(configuration);
        services.AddPluginHost(configuration);
        services.AddRouting();
        services.AddAutomation(configuration);
        services.AddSla(configuration);
        services.AddNotifications(configuration);
        services.AddReports(configuration);
        return services;
    }

    private static void AddStore(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.AddSingleton<IOptions<StorageOptions>>(sp => Options.Create(sp.GetRequiredService<IOptions<HelpDeskOptions>>().Value.Storage));
        services.AddSingleton(sp => CreateDatabase(sp.GetRequiredService<IOptions<HelpDeskOptions>>().Value, contentRoot));
        services.AddSingleton<SchemaMigrator>();
        services.AddSingleton<TicketEventWriter>();
        services.AddSingleton<ITicketEventStore, SqlTicketEventStore>();
        services.AddSingleton<TicketQueries>();
        services.AddSingleton<TicketNumberAllocator>();
        services.AddSingleton<IdempotencyStore>();
        services.AddSingleton<ApiKeyStore>();
        services.AddSingleton<MessageIndex>();
        services.AddSingleton<HubSecrets>();
        services.AddSingleton(sp => DataDirectory.From(sp.GetRequiredService<IOptions<HelpDeskOptions>>().Value, contentRoot));
        services.AddOptions<AttachmentOptions>().Bind(configuration.GetSection($"{HelpDeskOptions.Section}:Attachments"));
        services.AddSingleton<AttachmentStore>();
        services.AddHostedService<StoreInitializer>();
    }

    private static void AddTickets(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(sp => new TicketDecider(PriorityMatrix.FromRows(sp.GetRequiredService<IOptions<HelpDeskOptions>>().Value.PriorityMatrix)));
        services.AddSingleton<TicketCommands>();
        services.AddOptions<AlertOptions>().Bind(configuration.GetSection($"{HelpDeskOptions.Section}:Alerts"));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<AlertOptions>>().Value.ToPolicy());
        services.AddSingleton<AlertStore>();
        services.AddSingleton<AlertCommands>();
        services.AddSingleton<AlertSettler>();
        services.AddHostedService(sp => sp.GetRequiredService<AlertSettler>());
    }

    private static void AddEventFeed(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EventFeedOptions>().Bind(configuration.GetSection($"{HelpDeskOptions.Section}:EventFeed"));
        services.AddSingleton<FeedSignal>();
        services.AddSingleton<SubscriberCheckpoints>();
        services.AddSingleton<EventSubscribers>();
        services.AddSingleton<EventFeedService>();
        services.AddHostedService(sp => sp.GetRequiredService<EventFeedService>());
    }

    private static void AddPluginHost(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PluginHostOptions>().Bind(configuration.GetSection($"{HelpDeskOptions.Section}:PluginHost"));
        services.AddSingleton<IPluginLoader, McMasterPluginLoader>();
        services.AddSingleton<PluginSettings>();
        services.AddSingleton<PluginHubServices>();
        services.AddSingleton<PluginHost>();
        services.AddHostedService(sp => sp.GetRequiredService<PluginHost>());
        services.AddPluginCapabilities();

        // Escalations run from the event feed through plugins' escalation targets.
        services.AddOptions<EscalationOptions>().Bind(configuration.GetSection($"{HelpDeskOptions.Section}:Escalations"));
        services.AddSingleton<EscalationWorker>();
        services.AddSingleton<IEventSubscriber>(sp => sp.GetRequiredService<EscalationWorker>());
        services.AddHostedService<EscalationRetries>();
    }

    private static void AddRouting(this IServiceCollection services)
    {
        services.AddSingleton<RoutingStore>();
        services.AddSingleton<IEventSubscriber, AutoAssignment>();
    }

    /// <summary>Rules (event-triggered from the feed, time-based from Quartz), macros, and the customer records they test.</summary>
    private static void AddAutomation(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<CustomerStore>();
        services.AddCustomerContext(configuration);
        services.AddSingleton<RulesStore>();
        services.AddSingleton<MacroStore>();
        services.AddSingleton<RuleEngine>();
        services.AddSingleton<IEventSubscriber>(sp => sp.GetRequiredService<RuleEngine>());
        services.AddRepeatingJob<TimeRules>(TimeRules.Key, configuration.GetValue<TimeSpan?>($"{HelpDeskOptions.Section}:Rules:TimeCheckInterval") ?? TimeSpan.FromMinutes(5));
    }

    /// <summary>Customer 360: context from CRM and ERP plugins, cached, recorded on tickets from the feed; meetings.</summary>
    private static void AddCustomerContext(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection($"{HelpDeskOptions.Section}:CustomerContext");
        services.AddOptions<CustomerContextOptions>().Bind(section);
        services.AddSingleton<CustomerContextCache>();
        services.AddSingleton<CustomerContexts>();
        services.AddSingleton<CustomerContextEnricher>();
        services.AddSingleton<IEventSubscriber>(sp => sp.GetRequiredService<CustomerContextEnricher>());
        services.AddHostedService(sp => sp.GetRequiredService<CustomerContextEnricher>());
        services.AddRepeatingJob<StaleContextRefresh>(StaleContextRefresh.Key, section.GetValue<TimeSpan?>(nameof(CustomerContextOptions.RefreshInterval)) ?? new CustomerContextOptions().RefreshInterval);
        services.AddSingleton<MeetingIndex>();
        services.AddSingleton<MeetingScheduler>();
    }

    private static void AddSla(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection($"{HelpDeskOptions.Section}:Sla");
        services.AddOptions<SlaOptions>().Bind(section);
        services.AddSingleton<SlaStore>();
        services.AddSingleton<IEventSubscriber, SlaPolicies>();
        services.AddRepeatingJob<SlaWatch>(SlaWatch.Key, section.GetValue<TimeSpan?>(nameof(SlaOptions.WatchInterval)) ?? new SlaOptions().WatchInterval);
    }

    private static void AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<NotificationOptions>().Bind(configuration.GetSection($"{HelpDeskOptions.Section}:Notifications"));
        services.AddSingleton<NotificationTemplates>();
        services.AddOptions<SatisfactionOptions>().Bind(configuration.GetSection($"{HelpDeskOptions.Section}:Satisfaction"));
        services.AddSingleton<SatisfactionLinks>();
        services.AddSingleton<OutboundChannel>();
        services.AddSingleton<IEventSubscriber, NotificationDispatcher>();
    }

    /// <summary>Live KPIs, spike detection and scheduled reports with their archive.</summary>
    private static void AddReports(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<Reports.ReportQueries>();
        services.AddSingleton<Reports.ReportFactsBackfill>();
        services.AddHostedService(sp => sp.GetRequiredService<Reports.ReportFactsBackfill>());
        var digests = configuration.GetSection($"{HelpDeskOptions.Section}:Reports:Digests");
        services.AddRepeatingJob<Reports.ReportDigestBuilder>(Reports.ReportDigestBuilder.Key, digests.GetValue<TimeSpan?>(nameof(Reports.ReportDigestOptions.BuildInterval)) ?? new Reports.ReportDigestOptions().BuildInterval);
        var spikes = configuration.GetSection($"{HelpDeskOptions.Section}:Reports:Spikes");
        services.AddOptions<Reports.SpikeOptions>().Bind(spikes);
        services.AddRepeatingJob<Reports.SpikeDetector>(Reports.SpikeDetector.Key, spikes.GetValue<TimeSpan?>(nameof(Reports.SpikeOptions.CheckInterval)) ?? new Reports.SpikeOptions().CheckInterval);
        services.AddSingleton<Reports.ReportSchedules>();
        services.AddSingleton<Reports.ReportRuns>();
        services.AddSingleton<Reports.ReportRunner>();
        services.AddTransient<Reports.ScheduledReportJob>();
        services.AddSingleton<Reports.ReportScheduling>();
        services.AddHostedService(sp => sp.GetRequiredService<Reports.ReportScheduling>());
        var delivery = configuration.GetSection($"{HelpDeskOptions.Section}:Reports:Delivery");
        services.AddOptions<Reports.ReportDeliveryOptions>().Bind(delivery);
        services.AddSingleton<Reports.ReportDeliveries>();
        services.AddRepeatingJob<Reports.ReportMailer>(Reports.ReportMailer.Key, delivery.GetValue<TimeSpan?>(nameof(Reports.ReportDeliveryOptions.CheckInterval)) ?? new Reports.ReportDeliveryOptions().CheckInterval);
    }

    /// <summary>
    /// A cluster-wide Quartz job every <paramref name="interval"/>, first one interval after start (nothing is due at
    /// boot), on the hub's scheduler: once per cluster on PostgreSQL. The trigger is named after the job so that, in the
    /// clustered store, each node's start replaces it rather than adding one more.
    /// </summary>
    private static void AddRepeatingJob<TJob>(this IServiceCollection services, JobKey key, TimeSpan interval)
        where TJob : class, IJob
    {
        services.AddTransient<TJob>();
        services.AddQuartz(quartz => quartz
            .AddJob<TJob>(job => job.WithIdentity(key))
            .AddTrigger(trigger => trigger.WithIdentity(key.Name, key.Group).ForJob(key)
                .StartAt(DateTimeOffset.UtcNow + interval).WithSimpleSchedule(s => s.WithInterval(interval).RepeatForever())));
    }

    public static ISiloBuilder AddHelpDeskGrains(this ISiloBuilder silo)
    {
        silo.AddCustomStorageBasedLogConsistencyProvider(TicketGrain.LogConsistencyProviderName);
        silo.Services.AddHelpDeskSerialization();
        return silo;
    }

    /// <summary>Silos and any external Orleans client both need this to exchange domain types.</summary>
    public static IServiceCollection AddHelpDeskSerialization(this IServiceCollection services) =>
        // Domain types stay free of Orleans attributes; they cross grain calls in the same JSON as in the store.
        services.AddSerializer(serializer => serializer.AddJsonSerializer(
            isSupported: type => type.Namespace?.StartsWith("HelpDesk.Domain", StringComparison.Ordinal) == true,
            jsonSerializerOptions: TicketEventJson.Options));

    public static string ResolveDataDirectory(HelpDeskOptions options, string contentRoot) =>
        Path.GetFullPath(Path.Combine(contentRoot, options.DataDirectory));

    private static Database CreateDatabase(HelpDeskOptions options, string contentRoot) => options.Storage.Provider switch
    {
        StorageProvider.PostgreSql => new PostgreSqlDatabase(
            options.Storage.ConnectionString ?? throw new InvalidOperationException("HelpDesk:Storage:ConnectionString is required for PostgreSql.")),
        _ => string.IsNullOrWhiteSpace(options.Storage.ConnectionString)
            ? SqliteDatabase.InDirectory(ResolveDataDirectory(options, contentRoot))
            : new SqliteDatabase(options.Storage.ConnectionString),
    };
}

using HelpDesk.Core.Hosting;
using HelpDesk.Server.Apis;
using HelpDesk.Server.Http;
using HelpDesk.Server.Security;
using Microsoft.AspNetCore.Authentication;

namespace HelpDesk.Server.Extensions;

public static class HelpDeskServerExtensions
{
    public const string DefaultUrl = "http://localhost:5080";

    public static WebApplicationBuilder AddHelpDeskServer(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var options = configuration.GetSection(HelpDeskOptions.Section).Get<HelpDeskOptions>() ?? new HelpDeskOptions();
        var api = configuration.GetSection($"{HelpDeskOptions.Section}:Api").Get<ApiOptions>() ?? new ApiOptions();

        if (string.IsNullOrEmpty(configuration["urls"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = api.MaxRequestBodyBytes);
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(30));

        builder.Services.AddHelpDeskCore(configuration, builder.Environment.ContentRootPath);
        builder.UseOrleans(silo => silo
            .UseLocalhostClustering(options.Orleans.SiloPort, options.Orleans.GatewayPort)
            .AddHelpDeskGrains());

        builder.Services.ConfigureHttpJsonOptions(json => ApiJson.Configure(json.SerializerOptions));
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        builder.Services.AddSingleton<ApiKeyCache>();
        builder.Services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorization(Policies.Add);
        builder.Services.AddHealthChecks().AddCheck<StoreHealthCheck>("store", tags: ["ready"]);
        builder.Services.AddOpenApi();
        builder.Services.AddWebhookRateLimits();
        return builder;
    }

    public static WebApplication UseHelpDeskServer(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        return app;
    }

    public static WebApplication MapHelpDeskApis(this WebApplication app)
    {
        app.MapTicketsApiV1();
        app.MapAlertsApiV1();
        app.MapEscalationsApiV1();
        app.MapApiKeysApiV1();
        app.MapRoutingApiV1();
        app.MapRulesApiV1();
        app.MapSlaApiV1();
        app.MapCustomersApiV1();
        app.MapCustomerContextApiV1();
        app.MapMeetingsApiV1();
        app.MapReportsApiV1();
        app.MapReportSchedulesApiV1();
        app.MapMacrosApiV1();
        app.MapNotificationTemplatesApiV1();
        app.MapPluginsApiV1();
        app.MapSatisfactionApiV1();
        app.MapWebhooks();
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains("ready") });
        app.MapOpenApi();
        return app;
    }
}

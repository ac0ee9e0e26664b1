using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using HelpDesk.Core.Security;
using HelpDesk.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace HelpDesk.Server.Tests.Infrastructure;

/// <summary>
/// The whole hub in the test process, over real HTTP on a loopback port (Kestrel, so body limits are real),
/// with its own SQLite file or PostgreSQL database and its own silo ports.
/// </summary>
public sealed class HelpDeskApp : WebApplicationFactory<Program>
{
    public const string AdminKey = "hd_test_admin_0123456789abcdef";

    private readonly TempDirectory _data = new();
    private readonly Dictionary<string, string?> _settings;
    private readonly int _port = FreePort.Next();

    private readonly Action<IServiceCollection>? _services;

    private HelpDeskApp(Dictionary<string, string?> settings, Action<IServiceCollection>? services = null)
    {
        _settings = settings;
        _services = services;
        UseKestrel(_port);
    }

    public string DataDirectory => _data.Path;

    /// <summary>Where the hub listens, for senders outside the test process (a real Alertmanager).</summary>
    public Uri Address => new($"http://127.0.0.1:{_port}");

    /// <summary>This hub's plugins folder, empty unless a test installs something (or points <c>HelpDesk:PluginsDirectory</c> elsewhere).</summary>
    public string PluginsDirectory => Path.Combine(_data.Path, "plugins");

    public static HelpDeskApp Sqlite(Dictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null) => new(settings ?? [], services);

    public static HelpDeskApp PostgreSql(string connectionString, Dictionary<string, string?>? settings = null) => new(new(settings ?? [])
    {
        ["HelpDesk:Storage:Provider"] = "PostgreSql",
        ["HelpDesk:Storage:ConnectionString"] = connectionString,
    });

    public HttpClient Admin() => WithKey(AdminKey);

    public HttpClient WithKey(string key)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    public async Task<HttpClient> NewKeyAsync(ApiKeyScope scope, string? customerEmail = null)
    {
        var response = await Admin().PostAsJsonAsync("/api/v1/api-keys", new { name = $"{scope} key", scope = scope.ToString().ToLowerInvariant(), customerEmail });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return WithKey(body.GetProperty("key").GetString()!);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("urls", $"http://127.0.0.1:{_port}");
        builder.UseSetting("HelpDesk:DataDirectory", _data.Path);

        // Not the source tree's plugins/ (where building the hub installs the first-party connectors): a test says which plugins it runs.
        builder.UseSetting("HelpDesk:PluginsDirectory", PluginsDirectory);
        builder.UseSetting("HelpDesk:Bootstrap:AdminApiKey", AdminKey);
        builder.UseSetting("HelpDesk:Orleans:SiloPort", FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("HelpDesk:Orleans:GatewayPort", FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        if (_services is not null)
        {
            builder.ConfigureTestServices(_services);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _data.Dispose();
        }
    }
}

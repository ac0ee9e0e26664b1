using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace HelpDesk.Benchmarks;

/// <summary>The hub as a separate process (Release build beside this driver), so load and hub do not share a thread pool.</summary>
public sealed class ChildHub : IAsyncDisposable
{
    public const string AdminKey = "hd_bench_admin_key";

    private readonly Process _process;

    private ChildHub(Process process, Uri address, string dataDirectory)
    {
        _process = process;
        Address = address;
        DataDirectory = dataDirectory;
    }

    public Uri Address { get; }

    public string DataDirectory { get; }

    /// <summary>Its plugins folder, inside the data directory so each run starts with none.</summary>
    public string PluginsDirectory => Path.Combine(DataDirectory, "plugins");

    /// <param name="configuration">More settings, as environment variables (<c>HELPDESK__PLUGINS__NOOP__MODE</c>).</param>
    public static async Task<ChildHub> StartAsync(IReadOnlyDictionary<string, string>? configuration = null)
    {
        var data = Directory.CreateTempSubdirectory("helpdesk-bench-hub-").FullName;
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "HelpDesk.Server.dll")])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            UseShellExecute = false,
            Environment =
            {
                ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
                ["HELPDESK__DATADIRECTORY"] = data,
                ["HELPDESK__PLUGINSDIRECTORY"] = Path.Combine(data, "plugins"),
                ["HELPDESK__BOOTSTRAP__ADMINAPIKEY"] = AdminKey,
                ["HELPDESK__ORLEANS__SILOPORT"] = FreePort().ToString(CultureInfo.InvariantCulture),
                ["HELPDESK__ORLEANS__GATEWAYPORT"] = FreePort().ToString(CultureInfo.InvariantCulture),
                ["Logging__LogLevel__Default"] = "Warning",
            },
        };
        foreach (var (key, value) in configuration ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start)!;
        process.EnableRaisingEvents = true;

        // A hub that dies mid-run shows only as refused connections in the driver: say how it ended.
        process.Exited += (_, _) => Console.Error.WriteLine($"hub process {process.Id} exited with code {process.ExitCode}");
        var hub = new ChildHub(process, new Uri($"http://127.0.0.1:{port}"), data);
        using var probe = new HttpClient { BaseAddress = hub.Address, Timeout = TimeSpan.FromSeconds(2) };
        for (var attempt = 0; attempt < 600; attempt++)
        {
            try
            {
                if ((await probe.GetAsync("/health/ready")).IsSuccessStatusCode)
                {
                    return hub;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException("The hub did not become ready within a minute.");
    }

    /// <summary>SIGTERM, then wait: the hub writes what is queued before it exits.</summary>
    public async Task StopAsync()
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Directory.Delete(DataDirectory, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

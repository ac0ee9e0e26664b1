using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using HelpDesk.TestSupport;

namespace HelpDesk.Server.Tests.Infrastructure;

/// <summary>
/// The hub as a real child process (<c>dotnet HelpDesk.Server.dll</c>), for what only a separate process can
/// show: surviving SIGKILL, shutting down on SIGTERM. Restarting on the same data directory is a new instance.
/// </summary>
public sealed class HubProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];

    private HubProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public int Id => _process.Id;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return string.Join('\n', _output.TakeLast(60));
            }
        }
    }

    public static async Task<HubProcess> StartAsync(string dataDirectory, IReadOnlyDictionary<string, string>? environment = null)
    {
        var port = FreePort.Next();
        var serverDll = Path.Combine(AppContext.BaseDirectory, "HelpDesk.Server.dll");
        var start = new ProcessStartInfo("dotnet", [serverDll])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            Environment =
            {
                ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
                ["HELPDESK__DATADIRECTORY"] = dataDirectory,
                ["HELPDESK__BOOTSTRAP__ADMINAPIKEY"] = HelpDeskApp.AdminKey,
                ["HELPDESK__ORLEANS__SILOPORT"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
                ["HELPDESK__ORLEANS__GATEWAYPORT"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
                ["Logging__LogLevel__Default"] = "Warning",
            },
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var hub = new HubProcess(Process.Start(start)!, new Uri($"http://127.0.0.1:{port}"));
        hub._process.OutputDataReceived += (_, e) => hub.Record(e.Data);
        hub._process.ErrorDataReceived += (_, e) => hub.Record(e.Data);
        hub._process.BeginOutputReadLine();
        hub._process.BeginErrorReadLine();
        await hub.WaitUntilReadyAsync();
        return hub;
    }

    public HttpClient Admin(int maxConnections = 64)
    {
        var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = maxConnections }) { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", HelpDeskApp.AdminKey);
        return client;
    }

    /// <summary>SIGKILL: no shutdown code runs, exactly like a power cut for the process.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>SIGTERM, what a service manager sends; returns the exit code once the process has stopped.</summary>
    public async Task<int> TerminateAsync()
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
    }

    private async Task WaitUntilReadyAsync()
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline && !_process.HasExited)
        {
            try
            {
                if ((await client.GetAsync("/health/ready")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Listening but not answering yet.
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException($"The hub did not become ready. Its output:\n{Output}");
    }

    private void Record(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Add(line);
        }
    }
}

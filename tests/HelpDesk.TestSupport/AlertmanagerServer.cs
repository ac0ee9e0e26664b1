using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HelpDesk.TestSupport;

/// <summary>
/// A real Prometheus Alertmanager as a child process, one per test: its webhook points at the URL the test gives
/// (its own hub's port), with the timings of <c>shared/contracts/fixtures/alertmanager/alertmanager.yml</c>.
/// The binary is <c>HELPDESK_TEST_ALERTMANAGER</c>, or <c>prometheus-alertmanager</c> (Debian) or
/// <c>alertmanager</c> on PATH, as <c>.ci/start-alertmanager</c> installs it.
/// </summary>
public sealed class AlertmanagerServer : IAsyncDisposable
{
    private static readonly TimeSpan StartupPatience = TimeSpan.FromSeconds(15);

    private readonly Process _process;
    private readonly TempDirectory _directory;
    private readonly HttpClient _client;
    private readonly List<string> _output = [];

    private AlertmanagerServer(Process process, TempDirectory directory, Uri address)
    {
        _process = process;
        _directory = directory;
        _client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(10) };
    }

    /// <summary>The API base, <c>http://127.0.0.1:{port}/</c>.</summary>
    public Uri Address => _client.BaseAddress!;

    /// <summary>The last lines Alertmanager logged, for failure messages (failed notify attempts show here).</summary>
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

    /// <summary>Starts Alertmanager sending its notifications to <paramref name="webhookUrl"/> with <c>Authorization: Bearer {bearerToken}</c>; returns once it is ready.</summary>
    public static async Task<AlertmanagerServer> StartAsync(Uri webhookUrl, string bearerToken, CancellationToken cancellationToken = default)
    {
        var binary = FindBinary();
        ExternalService.Require(binary is not null, "Alertmanager was not found: set HELPDESK_TEST_ALERTMANAGER to its binary, or install prometheus-alertmanager (.ci/start-alertmanager).");

        var directory = new TempDirectory();
        var config = Path.Combine(directory.Path, "alertmanager.yml");
        await File.WriteAllTextAsync(config, Config(webhookUrl, bearerToken), cancellationToken);
        var address = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
        var start = new ProcessStartInfo(binary!)
        {
            ArgumentList =
            {
                $"--config.file={config}",
                $"--storage.path={Path.Combine(directory.Path, "data")}",
                $"--web.listen-address={address.Authority}",
                // Empty: no cluster, so no gossip port to collide with parallel tests.
                "--cluster.listen-address=",
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        var server = new AlertmanagerServer(Process.Start(start)!, directory, address);
        server._process.OutputDataReceived += (_, e) => server.Record(e.Data);
        server._process.ErrorDataReceived += (_, e) => server.Record(e.Data);
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();
        try
        {
            await server.WaitUntilReadyAsync(cancellationToken);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    /// <summary>Posts a JSON array of alerts to <c>POST /api/v2/alerts</c>, as Prometheus does.</summary>
    public async Task PostAlertsAsync(byte[] alerts, CancellationToken cancellationToken = default)
    {
        using var content = new ByteArrayContent(alerts);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await _client.PostAsync(new Uri("api/v2/alerts", UriKind.Relative), content, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new HttpRequestException($"POST /api/v2/alerts answered {(int)response.StatusCode}: {body}", null, response.StatusCode);
        }
    }

    /// <summary>
    /// Resolves the given alerts (same labels) by posting them with <c>endsAt</c> = now; a fixed past time could fall
    /// before the <c>startsAt</c> Alertmanager stored.
    /// </summary>
    public async Task ResolveAsync(byte[] alerts, CancellationToken cancellationToken = default)
    {
        var now = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        var resolved = JsonNode.Parse(alerts)!.AsArray();
        foreach (var alert in resolved)
        {
            alert!["endsAt"] = now;
        }

        await PostAlertsAsync(JsonSerializer.SerializeToUtf8Bytes(resolved), cancellationToken);
    }

    /// <summary>The alerts Alertmanager holds (<c>GET /api/v2/alerts</c>), each with its <c>fingerprint</c> and <c>status</c>.</summary>
    public async Task<JsonElement> GetAlertsAsync(CancellationToken cancellationToken = default)
    {
        await using var body = await _client.GetStreamAsync(new Uri("api/v2/alerts", UriKind.Relative), cancellationToken);
        using var document = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
        return document.RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        _client.Dispose();
        _directory.Dispose();
    }

    private static string? FindBinary()
    {
        var configured = Environment.GetEnvironmentVariable("HELPDESK_TEST_ALERTMANAGER");
        if (!string.IsNullOrEmpty(configured))
        {
            return File.Exists(configured) ? configured : null;
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return (from folder in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                from name in new[] { "prometheus-alertmanager", "alertmanager" }
                select Path.Combine(folder, name)).FirstOrDefault(File.Exists);
    }

    /// <summary>The contract's alertmanager.yml with this test's URL and token. Alertmanager refuses unknown keys, so a typo fails at start.</summary>
    private static string Config(Uri webhookUrl, string bearerToken) => $"""
        global:
          resolve_timeout: 1m
        route:
          receiver: helpdesk
          group_by: ['alertname', 'service']
          group_wait: 1s
          group_interval: 2s
          repeat_interval: 1h
        receivers:
          - name: helpdesk
            webhook_configs:
              - url: {Quoted(webhookUrl.ToString())}
                send_resolved: true
                max_alerts: 0
                http_config:
                  authorization:
                    type: Bearer
                    credentials: {Quoted(bearerToken)}
        """;

    private static string Quoted(string value) => $"'{value.Replace("'", "''", StringComparison.Ordinal)}'";

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(StartupPatience);
        while (!_process.HasExited && !deadline.IsCancellationRequested)
        {
            try
            {
                using var response = await _client.GetAsync(new Uri("-/ready", UriKind.Relative), deadline.Token);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception error) when (error is HttpRequestException or OperationCanceledException)
            {
                // Not listening yet, or the deadline passed: the loop condition decides.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), CancellationToken.None);
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (_process.HasExited)
        {
            // Lets the output readers reach the end of the streams, so the message carries the reason it exited.
            await _process.WaitForExitAsync(CancellationToken.None);
        }

        var why = _process.HasExited ? $"exited with code {_process.ExitCode}" : $"was not ready within {StartupPatience.TotalSeconds} s";
        throw new InvalidOperationException($"Alertmanager {why}. Its output:\n{Output}");
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

using HelpDesk.Benchmarks;

// Load drivers for the embedded default (hub as a child process, SQLite, Release build); --help lists the options.
var options = BenchmarkOptions.Parse(args);
if (options.Help)
{
    Console.WriteLine(BenchmarkOptions.Usage);
    return 0;
}

return options.Scenario switch
{
    "creates" => await CreatesScenario.RunAsync(options),
    "plugins" => await PluginsScenario.RunAsync(options),
    "alerts" => await AlertsScenario.RunAsync(options),
    "sla" => await SlaScenario.RunAsync(options),
    "email" => await EmailScenario.RunAsync(options),
    "context" => await ContextScenario.RunAsync(options),
    "reports" => await ReportsScenario.RunAsync(options),
    _ => Fail($"Unknown scenario '{options.Scenario}'.\n{BenchmarkOptions.Usage}"),
};

static int Fail(string message)
{
    Console.Error.WriteLine(message);
    return 2;
}

using QmInsights.Silo.Bench;
using QmInsights.Silo.Commands;
using QmInsights.Silo.Demo;
using QmInsights.Silo.Hosting;

// The executable's commands; see README.md. Without one it serves the API and the silo.
var rest = args.Length > 0 ? args[1..] : [];
return args.FirstOrDefault() switch
{
    "demo" => await DemoCommand.Run(rest),
    "bench" => await BenchCommand.Run(rest),
    "insights" => await InsightsCommand.Run(rest),
    "calibration" => await CalibrationCommand.Run(rest),
    "cadence" => await CadenceCommand.Run(rest),
    "leniency" => await LeniencyCommand.Run(rest),
    "sampling" => await SamplingCommand.Run(rest),
    "evaluations" => await EvaluationsCommand.Run(rest),
    "rebuild" => await RebuildCommand.Run(rest),
    "forecast" => await ForecastCommand.Run(rest),
    "health" => await HealthCommand.Run(rest),
    "report" => await ReportCommand.Run(rest),
    "import" => await ImportCommand.Run(rest),
    "serve" => await Serve(rest),
    _ => await Serve(args),
};

static async Task<int> Serve(string[] settings)
{
    var app = QmHost.Build(settings);
    await app.StartAsync();
    Console.WriteLine($"QmInsights API on {string.Join(", ", app.Urls)} (OpenAPI at /openapi/v1.json, Orleans dashboard at /dashboard)");
    await app.WaitForShutdownAsync();
    return 0;
}

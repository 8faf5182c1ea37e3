using QmInsights.Silo.Bench;
using QmInsights.Silo.Demo;
using QmInsights.Silo.Hosting;

// qminsights [serve] | demo [options] | bench [options] | rebuild --url URL | health [url]: see README.md.
if (args.Length > 0 && args[0] == "demo")
    return await DemoCommand.Run(args[1..]);
if (args.Length > 0 && args[0] == "rebuild")
    return await RebuildCommand.Run(args[1..]);
if (args.Length > 0 && args[0] == "bench")
    return await BenchCommand.Run(args[1..]);
if (args.Length > 0 && args[0] == "health")
    return await HealthCommand.Run(args[1..]);

var app = QmHost.Build(args.Length > 0 && args[0] == "serve" ? args[1..] : args);
await app.StartAsync();
Console.WriteLine($"QmInsights API on {string.Join(", ", app.Urls)} (OpenAPI at /openapi/v1.json, Orleans dashboard at /dashboard)");
await app.WaitForShutdownAsync();
return 0;

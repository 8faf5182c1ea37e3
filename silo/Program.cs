using QmInsights.Silo.Api;

using QmInsights.Silo.Hosting;

// qminsights [serve] | demo [options]: see README.md.



var app = QmHost.Build(args);
await app.StartAsync();
Console.WriteLine($"QmInsights API on {string.Join(", ", app.Urls)} (OpenAPI at /openapi/v1.json, Orleans dashboard at /dashboard)");
await app.WaitForShutdownAsync();
return 0;

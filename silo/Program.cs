using QmInsights.Silo.Commands;

// The executable's commands (silo/Commands/Cli.cs lists them; README.md describes them). Without one it serves the API
// and the silo.
return await Cli.Run(args);

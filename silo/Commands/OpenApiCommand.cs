using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using QmInsights.Silo.Hosting;

namespace QmInsights.Silo.Commands;

/// <summary><c>qminsights openapi [--out docs/openapi.json]</c>: starts the engine on free loopback ports, reads the
/// OpenAPI document it serves and writes it, so the repository's copy can be regenerated after endpoints change.</summary>
public static class OpenApiCommand
{
    /// <summary>Where the served document lives.</summary>
    public const string ServedPath = "/openapi/v1.json";

    /// <summary>The <c>openapi</c> command.</summary>
    public static Command Create()
    {
        var output = new Option<FileInfo>("--out")
        {
            Description = "the file to write [default: docs/openapi.json of the repository around the current folder]",
            HelpName = "file.json",
            DefaultValueFactory = _ => new FileInfo(Path.Combine(RepositoryRoot(), "docs", "openapi.json")),
        };
        var command = new Command("openapi", "Writes the OpenAPI document the engine serves (the repository keeps it as docs/openapi.json; a test compares the two).") { output };
        command.SetAction(async (parsed, _) =>
        {
            var file = parsed.GetRequiredValue(output);
            await using var app = QmHost.Build(FreePorts.LocalHostArgs());
            await app.StartAsync();
            using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
            var document = Normalized(await http.GetStringAsync(ServedPath));
            await app.StopAsync();
            file.Directory?.Create();
            await File.WriteAllTextAsync(file.FullName, document);
            Console.WriteLine($"{ServedPath} written to {file.FullName}");
            return 0;
        });
        return command;
    }

    // dotnet run starts the command in the project's folder: the default file is the repository's copy wherever it runs.
    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "QmInsights.sln"))) return dir.FullName;
        return Environment.CurrentDirectory;
    }

    /// <summary>The served document as the repository keeps it: indented, without the <c>servers</c> list (that is the
    /// address of the engine that happened to serve it), ending with a newline.</summary>
    public static string Normalized(string served)
    {
        var document = JsonNode.Parse(served)!.AsObject();
        document.Remove("servers");
        return document.ToJsonString(new JsonSerializerOptions { WriteIndented = true }).ReplaceLineEndings("\n") + "\n";
    }
}

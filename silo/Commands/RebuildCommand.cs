using System.CommandLine;

namespace QmInsights.Silo.Commands;

/// <summary><c>qminsights rebuild --url URL [--token T]</c>: asks a running engine to recompute every aggregate from
/// its stored facts and prints its progress.</summary>
public static class RebuildCommand
{
    /// <summary>The <c>rebuild</c> command.</summary>
    public static Command Create()
    {
        var command = new Command("rebuild", "A running engine re-scores every stored evaluation and rebuilds every aggregate from the stored facts, printing progress (admin).");
        return EngineClient.Command(command, async engine =>
        {
            // A rebuild of a large centre takes long: no client time-out, progress is streamed line by line.
            engine.Http.Timeout = Timeout.InfiniteTimeSpan;
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/admin/rebuild");
            using var response = await engine.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            using var body = new StreamReader(await response.Content.ReadAsStreamAsync());
            while (await body.ReadLineAsync() is { } line) (response.IsSuccessStatusCode ? Console.Out : Console.Error).WriteLine(line);
            return response.IsSuccessStatusCode ? 0 : Cli.Failure;
        });
    }
}

using QmInsights.Silo.Commands;
using Spectre.Console.Testing;

namespace QmInsights.Tests.Commands;

/// <summary>The progress bars a terminal gets (drawn here on Spectre.Console's recording console): counts of totals
/// for each stage of a rebuild, and the engine's other lines printed once the bars end.</summary>
public sealed class LiveProgressTests
{
    [Fact]
    public async Task A_rebuilds_progress_lines_become_one_bar_a_stage_with_its_counts()
    {
        var console = new TestConsole().Interactive().Width(140);
        var log = new StringWriter();
        var engine = new StringReader(string.Join('\n',
            "re-scored 1,000 evaluations, 2 changed", "re-scored 1,200 evaluations, 3 changed", "reloaded 16 interaction shards",
            "rebuilt 50/120 agents", "rebuilt 120/120 agents", "rebuilt 4/4 teams", "rebuild complete"));

        await using (var live = await LiveProgress.Start(console))
            await RebuildCommand.Show(engine, live, log);

        // The last frame: every stage complete, with its count.
        var frame = console.Output[console.Output.LastIndexOf("re-scoring", StringComparison.Ordinal)..];
        Assert.Contains("re-scoring evaluations (3 changed)", frame);
        Assert.Matches(@"1,200/1,200", frame);
        Assert.Matches(@"rebuilding agents .* 100% .*120/120", frame);
        Assert.Matches(@"rebuilding teams .* 100% .*4/4", frame);
        Assert.Equal(["reloaded 16 interaction shards", "rebuild complete"], log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}

using System.Text.Json;
using QmInsights.Silo.Commands;
using QmInsights.Tests.Api;

namespace QmInsights.Tests.Commands;

/// <summary>An engine whose plausible window opens in 1999, as a historical import of the 1999 real log needs.</summary>
public sealed class HistoricalImportHostFixture : HostFixture
{
    protected override IEnumerable<string> Settings => ["--Ingestion:EarliestTimestamp=1999-01-01"];
}

/// <summary>The import command sends an export in batches through a profile and reports totals and rejections.</summary>
public sealed class ImportCommandTests(HistoricalImportHostFixture host) : IClassFixture<HistoricalImportHostFixture>
{
    [Fact]
    public async Task A_real_export_is_sent_in_batches_through_its_profile_and_every_record_counted()
    {
        var file = Path.Combine(AppContext.BaseDirectory, "RealLog", "anonymous-bank-1999-02-01.csv");
        var output = new StringWriter();
        var code = await Cli.Run(["import", "--url", host.Http.BaseAddress!.ToString(), "--profile", "anonymous-bank", "--batch", "400", file], output);
        Assert.Equal(0, code);
        // Redirected output (not a terminal): plain progress lines, no bar drawn in place, then the totals.
        Assert.Matches(@"(?m)^interactions\s+\[#*\.*\]\s+\d+\.\d ?%\s+400/1,551\s+[\d,]+/s$", output.ToString());
        Assert.DoesNotContain("\r", output.ToString());
        Assert.Matches(@"interactions\s+1,551 records in .* 1,551 accepted, 0 duplicates, 0 rejected", output.ToString());
        using var team = JsonDocument.Parse(await host.Http.GetStringAsync("/api/teams/bank/summary"));
        Assert.Equal(File.ReadLines(file).Count(l => l.Contains(",AGENT,")), team.RootElement.GetProperty("interactions").GetInt64());
    }

    [Fact]
    public async Task Rejections_are_named_by_their_record_in_the_whole_file()
    {
        var file = Path.Combine(Path.GetTempPath(), $"import-{Guid.NewGuid():N}.csv");
        await File.WriteAllLinesAsync(file, [
            "interaction_id,channel,agent_id,team_id,queue,started_at,handle_time",
            "imp-1,call,a1,t1,q,2026-03-04T10:00:00Z,00:05:00",
            "imp-2,call,a1,t1,q,2026-03-04T10:05:00Z,00:04:00",
            "imp-3,call,a1,t1,q,2026-03-04T10:10:00Z,soon",
        ]);
        var output = new StringWriter();
        var code = await Cli.Run(["import", "--url", host.Http.BaseAddress!.ToString(), "--profile", "generic", "--batch", "2", file], output);
        File.Delete(file);
        Assert.Equal(1, code);
        Assert.True(output.ToString().Contains("#2: handleSeconds: 'soon' is not a duration"), output.ToString());
    }
}

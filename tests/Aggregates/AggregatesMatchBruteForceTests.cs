using QmInsights.Domain.Aggregates;
using QmInsights.Domain.Facts;
using QmInsights.Domain.Joins;
using QmInsights.Domain.Periods;
using QmInsights.Domain.Scorecards;
using QmInsights.Grains.Ingestion;
using QmInsights.Storage;
using QmInsights.Grains.Interfaces;
using QmInsights.Tests.Cluster;
using QmInsights.Storage.Memory;

namespace QmInsights.Tests.Aggregates;

public sealed class AggregatesMatchBruteForceTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    [Fact]
    public async Task Agent_and_team_summaries_equal_a_recomputation_from_shuffled_duplicated_facts()
    {
        var facts = new RandomFacts(seed: 7, interactions: 3000);
        var scorecard = fixture.Grains.GetGrain<IScorecardGrain>("sc");
        await scorecard.Define(facts.Scorecard, RandomFacts.Start.AddYears(-1));
        var version = (await scorecard.GetVersions()).Single();

        var ingestor = new FactIngestor(fixture.Grains, new GrainStorageOnly());
        var submissions = facts.ShuffledSubmissions(seed: 11);

        var chunks = submissions.Chunk(250).ToList();
        var reports = new List<BatchReport>();
        foreach (var wave in chunks.Chunk(4))
            reports.AddRange(await Task.WhenAll(wave.Select(chunk => IngestMixed(ingestor, chunk))));

        var accepted = reports.Sum(r => r.Accepted);
        var distinct = facts.Interactions.Count + facts.Surveys.Count + facts.FinalEvaluations().Count();
        Assert.All(reports, r => Assert.Empty(r.Rejected));
        Assert.True(accepted >= distinct, $"accepted {accepted} < distinct facts {distinct}");
        Assert.Equal(submissions.Count, reports.Sum(r => r.Accepted + r.Duplicates + r.Superseded));

        var ranges = new[] { (new DateOnly(2025, 1, 1), new DateOnly(2027, 1, 1)), (new DateOnly(2026, 1, 20), new DateOnly(2026, 2, 15)) };
        foreach (var (from, to) in ranges)
        {
            for (var a = 0; a < 12; a++)
            {
                var agentId = $"a{a}";
                var summary = await fixture.Grains.GetGrain<IAgentGrain>(agentId).GetSummary(from, to, TrendPeriod.Week);
                var expected = BruteForce.Of(facts, version, i => i.AgentId == agentId, (e, _) => e.AgentId == agentId, from, to);
                expected.AssertMatches(summary, agentId);
            }
            for (var t = 0; t < 4; t++)
            {
                var teamId = $"t{t}";
                var summary = await fixture.Grains.GetGrain<ITeamGrain>(teamId).GetSummary(from, to, TrendPeriod.Month);
                var expected = BruteForce.Of(facts, version, i => i.TeamId == teamId, (_, i) => i?.TeamId == teamId, from, to);
                expected.AssertMatches(summary, teamId);
            }
        }
    }

    [Fact]
    public async Task Trend_periods_add_up_to_the_total()
    {
        var facts = new RandomFacts(seed: 3, interactions: 400, prefix: "trend-");
        await fixture.Grains.GetGrain<IScorecardGrain>("sc").Define(facts.Scorecard, RandomFacts.Start.AddYears(-1));
        var ingestor = new FactIngestor(fixture.Grains, new GrainStorageOnly());
        await IngestMixed(ingestor, facts.Interactions.Cast<object>().Concat(facts.Surveys).Concat(facts.Evaluations).ToArray());

        var summary = await fixture.Grains.GetGrain<IAgentGrain>("trend-a1").GetSummary(null, null, TrendPeriod.Week);
        Assert.NotNull(summary.Trend);
        Assert.Equal(summary.Interactions, summary.Trend.Sum(p => p.Interactions));
        Assert.Equal(summary.Surveys, summary.Trend.Sum(p => p.Surveys));
        Assert.Equal(summary.Evaluations, summary.Trend.Sum(p => p.Evaluations));
        // Consecutive ISO weeks, Monday to Sunday, none missing.
        Assert.All(summary.Trend.Zip(summary.Trend.Skip(1)), p => Assert.Equal(p.First.From!.Value.AddDays(7), p.Second.From));
        Assert.All(summary.Trend, p => Assert.Equal(DayOfWeek.Monday, p.From!.Value.DayOfWeek));
        Assert.Equal(summary.Interactions, summary.ByChannel!.Values.Sum(c => c.Interactions));
    }

    private static async Task<BatchReport> IngestMixed(FactIngestor ingestor, object[] chunk)
    {
        Positioned<T>[] Of<T>() => chunk.Select((f, i) => (f, i)).Where(p => p.f is T).Select(p => new Positioned<T>(p.i, (T)p.f)).ToArray();
        var report = new BatchReport();
        report.Add(await ingestor.Ingest(Of<Interaction>()));
        report.Add(await ingestor.Ingest(Of<Survey>()));
        report.Add(await ingestor.Ingest(Of<Evaluation>()));
        return report;
    }
}

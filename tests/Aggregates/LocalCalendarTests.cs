using QmInsights.Domain.Aggregates;
using QmInsights.Domain.Facts;
using QmInsights.Domain.Joins;
using QmInsights.Domain.Periods;
using QmInsights.Domain.Scorecards;

namespace QmInsights.Tests.Aggregates;

/// <summary>The centre's local calendar (<c>Centre:TimeZone</c>): records fall on local days, daylight-saving days
/// are 23 or 25 hours long, and a rebuild under another zone re-buckets everything.</summary>
public sealed class LocalCalendarTests
{
    [Fact]
    public void A_call_at_half_past_midnight_in_Oslo_belongs_to_that_Oslo_date()
    {
        var oslo = CentreCalendar.Of("Europe/Oslo");
        Assert.Equal(new DateOnly(2026, 3, 5), oslo.DayOf(new DateTimeOffset(2026, 3, 4, 23, 30, 0, TimeSpan.Zero)));
        Assert.Equal(new DateOnly(2026, 7, 1), oslo.DayOf(new DateTimeOffset(2026, 6, 30, 22, 30, 0, TimeSpan.Zero)));
        Assert.Equal(new DateOnly(2026, 3, 4), CentreCalendar.Utc.DayOf(new DateTimeOffset(2026, 3, 4, 23, 30, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Daylight_saving_days_are_23_and_25_hours_long()
    {
        // EU summer time 2026: clocks forward on 29 March, back on 25 October (Directive 2000/84/EC: last Sundays).
        var oslo = CentreCalendar.Of("Europe/Oslo");
        Assert.Equal(TimeSpan.FromHours(23), oslo.LengthOf(new DateOnly(2026, 3, 29)));
        Assert.Equal(TimeSpan.FromHours(25), oslo.LengthOf(new DateOnly(2026, 10, 25)));
        Assert.Equal(TimeSpan.FromHours(24), oslo.LengthOf(new DateOnly(2026, 3, 30)));
        Assert.Equal(new DateTimeOffset(2026, 3, 28, 23, 0, 0, TimeSpan.Zero), oslo.StartOf(new DateOnly(2026, 3, 29)));
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 22, 0, 0, TimeSpan.Zero), oslo.StartOf(new DateOnly(2026, 3, 30)));
    }

    [Fact]
    public void An_unknown_time_zone_is_refused_naming_the_setting()
    {
        var e = Assert.Throws<ArgumentException>(() => CentreCalendar.Of("Europe/Atlantis"));
        Assert.StartsWith("Centre:TimeZone: 'Europe/Atlantis'", e.Message);
        Assert.Same(CentreCalendar.Utc, CentreCalendar.Of(null));
    }

    // The random facts run from 5 January to mid-March 2026: New York changes to summer time on 8 March inside it;
    // Kolkata's half-hour offset moves many contacts across midnight.
    [Theory]
    [InlineData("America/New_York")]
    [InlineData("Asia/Kolkata")]
    public void Local_day_summaries_equal_a_recomputation_and_a_rebuild_under_another_zone_rebuckets(string zone)
    {
        var calendar = CentreCalendar.Of(zone);
        var facts = new RandomFacts(seed: 17, interactions: 1500);
        var version = new ScorecardVersion("sc", 1, RandomFacts.Start.AddYears(-1), facts.Scorecard);
        var rows = new ShardRows(calendar);
        var book = new InteractionBook(rows);
        var incremental = new AggregateChanges();
        foreach (var fact in facts.ShuffledSubmissions(seed: 3))
            _ = fact switch
            {
                Interaction i => book.Apply(0, i, incremental),
                Survey s => book.Apply(0, s, incremental),
                Evaluation e => book.Apply(0, new ScoredEvaluation(e, ScoreCalculator.Score(version, e.Answers)), incremental),
                _ => throw new InvalidOperationException(),
            };
        var rebuiltUtc = JoinContribution.Of(rows.All().Select(r => r.Value), calendar: CentreCalendar.Utc);

        foreach (var (from, to) in new[] { (new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)), (new DateOnly(2026, 3, 7), new DateOnly(2026, 3, 9)) })
            for (var a = 0; a < 12; a++)
            {
                var agentId = $"a{a}";
                bool Mine(Interaction i) => i.AgentId == agentId;
                bool MyEvaluation(Evaluation e, Interaction? _) => e.AgentId == agentId;
                BruteForce.Of(facts, version, Mine, MyEvaluation, from, to, calendar.Zone)
                    .AssertMatches(SummaryBuilder.Build(incremental.Agents[agentId], from, to, TrendPeriod.Week), agentId);
                BruteForce.Of(facts, version, Mine, MyEvaluation, from, to)
                    .AssertMatches(SummaryBuilder.Build(rebuiltUtc.Agents[agentId], from, to, TrendPeriod.Week), agentId);
            }
    }
}

using QmInsights.Domain.Facts;
using QmInsights.Domain.Scorecards;

namespace QmInsights.Tests.Scoring;

public sealed class ScorecardHistoryTests
{
    private static readonly DateTimeOffset March = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    private static ScorecardVersion Version(int number, DateTimeOffset from, params string[] items) =>
        new("sc", number, from, new ScorecardDefinition("Card", 90,
            [new ScorecardSection("s", "S", 1, [.. items.Select(i => new ScorecardItem(i, i, null, 1, false, false, NaPolicy.Exclude))])]));

    private readonly ScorecardHistory _history = new([Version(2, March.AddMonths(1), "a", "b"), Version(1, March, "a")]);

    [Fact]
    public void An_evaluation_naming_a_version_is_scored_with_that_version()
    {
        Assert.Equal(1, _history.Resolve("sc", 1, March.AddMonths(6)).Version!.Version);
    }

    [Fact]
    public void Without_a_version_the_one_in_force_at_evaluatedAt_is_used()
    {
        Assert.Equal(1, _history.Resolve("sc", null, March.AddDays(10)).Version!.Version);
        Assert.Equal(2, _history.Resolve("sc", null, March.AddMonths(1)).Version!.Version);
    }

    [Fact]
    public void An_evaluation_older_than_the_first_version_uses_the_first()
    {
        Assert.Equal(1, _history.Resolve("sc", null, March.AddYears(-1)).Version!.Version);
    }

    [Fact]
    public void An_unknown_version_is_an_error_naming_the_field_and_the_versions_that_exist()
    {
        var (version, error) = _history.Resolve("sc", 7, March);
        Assert.Null(version);
        Assert.Equal("scorecardVersion: scorecard 'sc' has no version 7 (versions 1-2)", error);
    }

    [Fact]
    public void A_scorecard_without_versions_is_an_error_saying_how_to_define_it()
    {
        var (_, error) = new ScorecardHistory([]).Resolve("nope", null, March);
        Assert.StartsWith("scorecardId: scorecard 'nope' is not defined", error);
    }

    [Fact]
    public void Answers_must_cover_exactly_the_items_of_the_version()
    {
        var v2 = _history.Versions[1];
        Assert.Null(ScorecardHistory.CheckAnswers(v2, [new("a", ItemAnswer.Yes), new("b", ItemAnswer.NotApplicable)]));
        Assert.Contains("'b'", ScorecardHistory.CheckAnswers(v2, [new("a", ItemAnswer.Yes)]));
        Assert.Contains("'zz'", ScorecardHistory.CheckAnswers(v2, [new("a", ItemAnswer.Yes), new("b", ItemAnswer.Yes), new("zz", ItemAnswer.Yes)]));
    }

    [Fact]
    public void Scorecard_rules_name_every_problem_by_field()
    {
        var definition = new ScorecardDefinition("", 120, [
            new ScorecardSection("s1", "S1", -1, [new ScorecardItem("a", "A", null, -2, false, false, NaPolicy.Exclude)]),
            new ScorecardSection("s2", "S2", 1, [new ScorecardItem("a", "", null, 1, false, false, NaPolicy.Exclude)]),
        ]);
        var problems = ScorecardRules.Problems(definition);
        Assert.Contains("name: must not be empty", problems);
        Assert.Contains("targetPercent: 120 is outside 0-100", problems);
        Assert.Contains(problems, p => p.StartsWith("sections[0].weight:"));
        Assert.Contains(problems, p => p.StartsWith("sections[0].items[0].points:"));
        Assert.Contains("sections[1].items[0].id: 'a' is used by another item", problems);
        Assert.Contains("sections[1].items[0].text: must not be empty", problems);
        Assert.Contains("sections: a scorecard needs at least one section", ScorecardRules.Problems(definition with { Sections = [] }));
    }
}

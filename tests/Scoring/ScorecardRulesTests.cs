using QmInsights.Domain.Scorecards;
using static QmInsights.Tests.Scoring.Forms;

namespace QmInsights.Tests.Scoring;

public sealed class ScorecardRulesTests
{
    private static ScorecardDefinition Valid() => Definition(90,
        Section("opening", 2, Item("greet", 1), Item("verify", 2, essential: true, critical: true)),
        Section("close", 1, Item("recap", 3, na: NaPolicy.Pass)));

    [Fact]
    public void Valid_scorecard_has_no_problems()
    {
        Assert.Empty(ScorecardRules.Problems(Valid()));
    }

    [Fact]
    public void Duplicate_item_id_across_sections_is_a_problem_naming_the_item()
    {
        var d = Definition(90,
            Section("s1", 1, Item("a"), Item("b")),
            Section("s2", 1, Item("a")));
        var problem = Assert.Single(ScorecardRules.Problems(d));
        Assert.Equal("sections[1].items[0].id: 'a' is used by another item", problem);
    }

    [Fact]
    public void Duplicate_section_id_is_a_problem_naming_the_section()
    {
        var d = Definition(90, Section("s", 1, Item("a")), Section("s", 1, Item("b")));
        var problem = Assert.Single(ScorecardRules.Problems(d));
        Assert.StartsWith("sections[1].id:", problem);
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Negative_or_non_finite_points_are_a_problem_naming_the_points(double points)
    {
        var d = Definition(90, Section("s", 1, Item("a"), Item("b", points)));
        var problem = Assert.Single(ScorecardRules.Problems(d));
        Assert.StartsWith("sections[0].items[1].points:", problem);
    }

    [Fact]
    public void Zero_points_are_allowed()
    {
        Assert.Empty(ScorecardRules.Problems(Definition(90, Section("s", 1, Item("a", 0)))));
    }

    [Theory]
    [InlineData(-0.5)]
    [InlineData(100.5)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Target_out_of_range_is_a_problem_naming_targetPercent(double target)
    {
        var problem = Assert.Single(ScorecardRules.Problems(Valid() with { TargetPercent = target }));
        Assert.StartsWith("targetPercent:", problem);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(100.0)]
    public void Target_at_the_ends_of_the_range_is_allowed(double target)
    {
        Assert.Empty(ScorecardRules.Problems(Valid() with { TargetPercent = target }));
    }

    [Fact]
    public void Empty_sections_are_a_problem_naming_sections()
    {
        var empty = Assert.Single(ScorecardRules.Problems(Valid() with { Sections = [] }));
        Assert.StartsWith("sections:", empty);
        var missing = Assert.Single(ScorecardRules.Problems(Valid() with { Sections = default }));
        Assert.StartsWith("sections:", missing);
    }

    [Fact]
    public void Section_without_items_is_a_problem_naming_its_items()
    {
        var d = Definition(90, Section("s1", 1, Item("a")), Section("s2", 1));
        var problem = Assert.Single(ScorecardRules.Problems(d));
        Assert.StartsWith("sections[1].items:", problem);
        var nullItems = Definition(90, new ScorecardSection("s", "S", 1, default));
        Assert.StartsWith("sections[0].items:", Assert.Single(ScorecardRules.Problems(nullItems)));
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.NegativeInfinity)]
    public void Negative_or_non_finite_weight_is_a_problem_naming_the_weight(double weight)
    {
        var d = Definition(90, Section("s", weight, Item("a")));
        Assert.StartsWith("sections[0].weight:", Assert.Single(ScorecardRules.Problems(d)));
    }

    [Fact]
    public void Empty_name_text_and_ids_are_problems_naming_their_fields()
    {
        var d = new ScorecardDefinition(" ", 90,
        [
            new ScorecardSection("", "S", 1, [new ScorecardItem("a", "", null, 1, false, false, NaPolicy.Exclude)]),
        ]);
        var problems = ScorecardRules.Problems(d);
        Assert.Contains(problems, p => p.StartsWith("name:", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("sections[0].id:", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("sections[0].items[0].text:", StringComparison.Ordinal));
        Assert.Equal(3, problems.Count);
    }

    [Fact]
    public void Every_problem_is_reported_not_just_the_first()
    {
        var d = Definition(150,
            Section("s1", 1, Item("a", -2)),
            Section("s2", 1, Item("a")));
        var problems = ScorecardRules.Problems(d);
        Assert.Equal(3, problems.Count);
        Assert.StartsWith("targetPercent:", problems[0]);
        Assert.StartsWith("sections[0].items[0].points:", problems[1]);
        Assert.StartsWith("sections[1].items[0].id:", problems[2]);
    }
}

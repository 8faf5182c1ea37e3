using System.Collections.Immutable;
using QmInsights.Domain.Facts;
using QmInsights.Domain.Scorecards;

namespace QmInsights.Tests.Scoring;

/// <summary>Small builders so each test shows only the numbers that matter.</summary>
internal static class Forms
{
    public static readonly DateTimeOffset T0 = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static ScorecardItem Item(string id, double points = 1, bool essential = false, bool critical = false,
        NaPolicy na = NaPolicy.Exclude) =>
        new(id, $"Does the agent do {id}?", "because", points, essential, critical, na);

    public static ScorecardSection Section(string id, double weight, params ScorecardItem[] items) =>
        new(id, $"Section {id}", weight, [.. items]);

    public static ScorecardDefinition Definition(double target, params ScorecardSection[] sections) =>
        new("Call form", target, [.. sections]);

    public static ScorecardVersion Version(double target, params ScorecardSection[] sections) =>
        new("sc", 1, T0, Definition(target, sections));

    /// <summary>Answers written as <c>"id=yes"</c>, <c>"id=no"</c> or <c>"id=na"</c>.</summary>
    public static ImmutableArray<ItemResponse> Answers(params string[] pairs) =>
    [
        .. pairs.Select(p =>
        {
            var parts = p.Split('=');
            var answer = parts[1] switch
            {
                "yes" => ItemAnswer.Yes,
                "no" => ItemAnswer.No,
                "na" => ItemAnswer.NotApplicable,
                _ => throw new ArgumentException(p),
            };
            return new ItemResponse(parts[0], answer);
        }),
    ];

    public static EvaluationScore Score(ScorecardVersion version, params string[] pairs)
    {
        var answers = Answers(pairs);
        Assert.Null(ScorecardHistory.CheckAnswers(version, answers)); // every test scores a complete answer set
        return ScoreCalculator.Score(version, answers);
    }
}

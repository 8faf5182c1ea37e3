using QmInsights.Domain.Facts;
using QmInsights.Domain.Scorecards;
using static QmInsights.Tests.Scoring.Forms;

namespace QmInsights.Tests.Scoring;

/// <summary>A chunk checks its evaluations' answers against items gathered once per history; that check must say exactly
/// what the one-evaluation check says, for complete, incomplete, padded and repeated answer sets alike.</summary>
public sealed class ScorecardCheckTests
{
    private static readonly ScorecardVersion One = new("sc", 1, new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero),
        Definition(80, Section("s1", 1, Item("a"), Item("b")), Section("s2", 2, Item("c"))));

    private static readonly ScorecardVersion Two = new("sc", 2, new DateTimeOffset(2024, 6, 1, 0, 0, 0, TimeSpan.Zero),
        Definition(80, Section("s1", 1, Item("a"), Item("d"))));

    [Fact]
    public void The_history_check_agrees_with_the_single_check_on_random_answer_sets()
    {
        var history = new ScorecardHistory([One, Two]);
        var random = new Random(5);
        string[] pool = ["a", "b", "c", "d", "zz"];
        for (var n = 0; n < 2000; n++)
        {
            var version = random.Next(2) == 0 ? One : Two;
            // Sometimes an item twice (the reader refuses that, other callers might not).
            var answers = Enumerable.Range(0, random.Next(0, 6))
                .Select(_ => new ItemResponse(pool[random.Next(pool.Length)], ItemAnswer.Yes)).ToList();
            Assert.Equal(ScorecardHistory.CheckAnswers(version, answers), history.Check(version, answers));
        }
    }

    [Fact]
    public void Complete_answers_pass_and_a_missing_item_is_named()
    {
        var history = new ScorecardHistory([One, Two]);
        Assert.Null(history.Check(One, Answers("a=yes", "b=no", "c=na")));
        Assert.Null(history.Check(Two, Answers("a=yes", "d=no")));
        Assert.Contains("'d'", history.Check(Two, Answers("a=yes")));
    }
}

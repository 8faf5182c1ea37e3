using QmInsights.Domain.Facts;
using QmInsights.Domain.Scorecards;
using static QmInsights.Tests.Scoring.Forms;

namespace QmInsights.Tests.Scoring;

/// <summary>Random scorecards and answers, scored by <see cref="ScoreCalculator"/> and by a brute-force
/// recomputation written here straight from the contract, in exact decimal arithmetic.</summary>
public sealed class ScoreCalculatorPropertyTests
{
    private const int Seed = 20240601;
    private const int Cases = 4000;

    private static readonly double[] Weights = [0, 0.1, 0.25, 0.3, 0.5, 0.7, 1, 1.5, 2, 3];
    private static readonly double[] Points = [0, 0.5, 1, 1.1, 2, 3, 5, 10];
    private static readonly double[] Targets = [0, 50, 60, 66, 75, 80, 85, 90, 100];

    /// <summary>The contract: an item adds its points (4 if essential) to possible unless it is N/A with exclude,
    /// and to earned when yes or N/A with pass; score = 100 * sum_s(w_s*earned_s) / sum_s(w_s*possible_s);
    /// a critical "no" makes it 0; nothing possible means no score.</summary>
    private static (decimal? Percent, bool CriticalFailed, decimal Earned, decimal Possible) BruteForce(
        ScorecardDefinition form, IReadOnlyDictionary<string, ItemAnswer> answers)
    {
        decimal weightedEarned = 0, weightedPossible = 0;
        var critical = false;
        foreach (var section in form.Sections)
        {
            decimal earned = 0, possible = 0;
            foreach (var item in section.Items)
            {
                var points = item.Essential ? 4m : (decimal)item.Points;
                var answer = answers[item.Id];
                var na = answer == ItemAnswer.NotApplicable;
                if (!(na && item.NaPolicy == NaPolicy.Exclude)) possible += points;
                if (answer == ItemAnswer.Yes || (na && item.NaPolicy == NaPolicy.Pass)) earned += points;
                if (item.Critical && answer == ItemAnswer.No) critical = true;
            }
            var w = (decimal)section.Weight;
            weightedEarned += w * earned;
            weightedPossible += w * possible;
        }
        decimal? percent = critical ? 0m : weightedPossible == 0 ? null : 100m * weightedEarned / weightedPossible;
        return (percent, critical, weightedEarned, weightedPossible);
    }

    [Fact]
    public void ScoreCalculator_agrees_with_a_brute_force_recomputation_of_the_contract_formula()
    {
        var rng = new Random(Seed);
        var failures = new List<string>();
        int scored = 0, noScore = 0, criticalFails = 0, atTargetExactly = 0;
        for (var c = 0; c < Cases; c++)
        {
            var sections = new List<ScorecardSection>();
            var n = 0;
            for (int s = 0, sectionCount = rng.Next(1, 5); s < sectionCount; s++)
            {
                var items = new List<ScorecardItem>();
                for (int i = 0, itemCount = rng.Next(1, 7); i < itemCount; i++)
                {
                    items.Add(Item($"i{n++}",
                        Points[rng.Next(Points.Length)],
                        essential: rng.NextDouble() < 0.2,
                        critical: rng.NextDouble() < 0.1,
                        na: (NaPolicy)rng.Next(3)));
                }
                sections.Add(Section($"s{s}", Weights[rng.Next(Weights.Length)], [.. items]));
            }
            var version = Version(Targets[rng.Next(Targets.Length)], [.. sections]);

            var answers = new Dictionary<string, ItemAnswer>();
            var naShare = rng.NextDouble(); // some forms get mostly N/A, so all-N/A cases occur
            foreach (var (_, item) in version.Definition.AllItems())
            {
                answers[item.Id] = rng.NextDouble() < naShare ? ItemAnswer.NotApplicable
                    : rng.NextDouble() < 0.75 ? ItemAnswer.Yes : ItemAnswer.No;
            }
            // answers in random order: order must not matter
            var responses = answers.Select(kv => new ItemResponse(kv.Key, kv.Value)).OrderBy(_ => rng.Next()).ToList();
            Assert.Null(ScorecardHistory.CheckAnswers(version, responses));

            var actual = ScoreCalculator.Score(version, responses);
            var expected = BruteForce(version.Definition, answers);
            var target = (decimal)version.Definition.TargetPercent;
            bool? expectedAtTarget = expected.Percent is { } p ? p >= target : null;

            var ok = actual.CriticalFailed == expected.CriticalFailed
                && actual.Percent.HasValue == expected.Percent.HasValue
                && (actual.Percent is not { } a || Math.Abs(a - (double)expected.Percent!.Value) <= 1e-9)
                && actual.AtTarget == expectedAtTarget
                && Math.Abs(actual.WeightedEarned - (double)expected.Earned) <= 1e-9
                && Math.Abs(actual.WeightedPossible - (double)expected.Possible) <= 1e-9
                && actual.TargetPercent == version.Definition.TargetPercent;
            if (!ok && failures.Count < 5)
            {
                failures.Add($"case {c}: expected {expected.Percent} (atTarget {expectedAtTarget}, critical {expected.CriticalFailed}, "
                    + $"{expected.Earned}/{expected.Possible}), got {actual.Percent:R} (atTarget {actual.AtTarget}, "
                    + $"critical {actual.CriticalFailed}, {actual.WeightedEarned:R}/{actual.WeightedPossible:R}); target {target}; form "
                    + string.Join(" | ", sections.Select(s => $"w={s.Weight}: " + string.Join(", ", s.Items.Select(i =>
                        $"{i.Id}={i.Points}{(i.Essential ? "E" : "")}{(i.Critical ? "C" : "")}/{i.NaPolicy}:{answers[i.Id]}")))));
            }

            if (expected.Percent is null) noScore++; else scored++;
            if (expected.CriticalFailed) criticalFails++;
            if (expected.Percent == target) atTargetExactly++;
        }

        Assert.True(failures.Count == 0, $"seed {Seed}:\n" + string.Join("\n", failures));
        // the generator reaches every kind of case
        Assert.True(noScore > 20, $"only {noScore} cases without a score");
        Assert.True(criticalFails > 200, $"only {criticalFails} critical failures");
        Assert.True(atTargetExactly > 20, $"only {atTargetExactly} cases exactly at target");
        Assert.True(scored > Cases / 2);
    }
}

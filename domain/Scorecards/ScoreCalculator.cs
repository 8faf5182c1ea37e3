using QmInsights.Domain.Facts;

namespace QmInsights.Domain.Scorecards;

/// <summary>Scores an evaluation by the contract's rule:
/// <c>100 * sum_s(w_s * earned_s) / sum_s(w_s * possible_s)</c>; a critical "no" makes it 0.</summary>
public static class ScoreCalculator
{
    /// <summary>Scores <paramref name="answers"/> (which must cover exactly the version's items; see
    /// <see cref="ScorecardHistory.CheckAnswers"/>) against <paramref name="version"/>.</summary>
    public static EvaluationScore Score(ScorecardVersion version, IReadOnlyList<ItemResponse> answers)
    {
        var byItem = new Dictionary<string, ItemAnswer>(answers.Count, StringComparer.Ordinal);
        foreach (var a in answers) byItem[a.ItemId] = a.Answer;

        double earnedTotal = 0, possibleTotal = 0;
        var criticalFailed = false;
        foreach (var section in version.Definition.Sections)
        {
            double earned = 0, possible = 0;
            foreach (var item in section.Items)
            {
                if (!byItem.TryGetValue(item.Id, out var answer)) continue;
                var points = item.EffectivePoints;
                switch (answer)
                {
                    case ItemAnswer.Yes:
                        earned += points;
                        possible += points;
                        break;
                    case ItemAnswer.No:
                        possible += points;
                        criticalFailed |= item.Critical;
                        break;
                    case ItemAnswer.NotApplicable when item.NaPolicy == NaPolicy.Pass:
                        earned += points;
                        possible += points;
                        break;
                    case ItemAnswer.NotApplicable when item.NaPolicy == NaPolicy.Fail:
                        possible += points;
                        break;
                }
            }
            earnedTotal += section.Weight * earned;
            possibleTotal += section.Weight * possible;
        }

        // Rounded to 9 decimals: fractional weights leave float noise (all yes at weight 0.1 came out as
        // 99.99999999999999, 3 of 4 at weight 0.3 as 74.99999999999999), which made AtTarget false at exactly the target.
        double? percent = criticalFailed ? 0.0
            : possibleTotal > 0 ? Math.Round(100.0 * earnedTotal / possibleTotal, 9)
            : null;
        return new EvaluationScore(percent, criticalFailed, earnedTotal, possibleTotal,
            version.Version, version.Definition.TargetPercent);
    }
}

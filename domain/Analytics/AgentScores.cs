using System.Globalization;
using QmInsights.Domain.Facts;
using QmInsights.Domain.Statistics;

namespace QmInsights.Domain.Analytics;

/// <summary>One agent's QA score as raw mean and evaluator-adjusted: the adjusted score is what the agent would score
/// with the average evaluator, shrunk toward the centre by how little evidence there is.</summary>
/// <param name="RawMean">Mean of the agent's randomly picked regular evaluations, percent.</param>
/// <param name="Adjusted">Predicted score at the average evaluator (crossed agent + evaluator random effects).</param>
/// <param name="Ci95">95% interval of <paramref name="Adjusted"/> from its prediction error variance.</param>
/// <param name="EvaluatorShift">How much the evaluators this agent happened to get moved the raw mean (raw minus
/// what the same evaluations would average with the average evaluator).</param>
[GenerateSerializer, Alias("qm.AdjustedScore")]
public sealed record AdjustedScore(string AgentId, int Evaluations, double RawMean, double Adjusted, double[] Ci95, double EvaluatorShift,
    string Explanation);

/// <summary>Agent QA scores adjusted for who evaluated them, with the variance components behind them.</summary>
/// <param name="EvaluationsForMargin5">Evaluations, each by a different evaluator, needed for a ±5-point 95% margin on an
/// agent's raw mean: 1.96^2 (residual + evaluator variance) / 25.</param>
[GenerateSerializer, Alias("qm.AgentScoreReport")]
public sealed record AgentScoreReport(double AgentSd, double EvaluatorSd, double ResidualSd, int EvaluationsForMargin5,
    SelectionCounts Selection, List<AdjustedScore> Agents, string Method);

/// <summary>Fits QA score = centre + agent + evaluator + noise with agents and evaluators as crossed random effects (REML)
/// on the randomly picked regular evaluations, and reads each agent's adjusted score beside the raw mean.</summary>
public static class AgentScores
{
    public const string Method =
        "Crossed agent and evaluator random effects fitted by REML on randomly picked regular evaluations; each agent's adjusted score is the predicted score with the average evaluator, shrunk toward the centre mean when evidence is thin.";

    public static AgentScoreReport? Estimate(IReadOnlyList<EvaluatedContact> contacts)
    {
        var counts = InferenceSample.Of(contacts).Counts;
        // Targeted picks are lower by design: they would read as the agent being worse. Random picks only.
        var rows = contacts.Where(c => c.QaScore is not null && c.Selection == EvaluationSelection.Random).ToList();
        if (rows.Select(r => r.AgentId).Distinct().Count() < 2 || rows.Select(r => r.EvaluatorId).Distinct().Count() < 2) return null;
        var fit = CrossedEffects.Fit(rows.Select(r => (r.AgentId, r.EvaluatorId, r.QaScore!.Value)).ToList());
        var evaluatorEffect = fit.Small.ToDictionary(e => e.Level, e => e.Effect, StringComparer.Ordinal);
        var byAgent = rows.GroupBy(r => r.AgentId).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var agents = fit.Large.Select(level =>
        {
            var own = byAgent[level.Level];
            var raw = own.Average(r => r.QaScore!.Value);
            var shift = own.Average(r => evaluatorEffect[r.EvaluatorId]);
            var (score, variance) = fit.LargeScore(level);
            var half = 1.96 * Math.Sqrt(variance);
            return new AdjustedScore(level.Level, own.Count, raw, score, [score - half, score + half], shift,
                string.Create(CultureInfo.InvariantCulture,
                    $"{level.Level}: raw {raw:0.0}% over {own.Count} random evaluations; with the average evaluator {score:0.0}% (95% CI {score - half:0.0} to {score + half:0.0}); the evaluators they got moved the raw mean by {shift:+0.0;-0.0} points."));
        }).OrderBy(a => a.AgentId, StringComparer.Ordinal).ToList();
        var needed = (int)Math.Ceiling(1.96 * 1.96 * (fit.ResidualVariance + fit.SmallVariance) / 25);
        return new AgentScoreReport(Math.Sqrt(fit.LargeVariance), Math.Sqrt(fit.SmallVariance), Math.Sqrt(fit.ResidualVariance), needed,
            counts, agents, Method);
    }
}

using System.Globalization;
using QmInsights.Domain.Analytics;

namespace QmInsights.Domain.Calibration;

/// <summary>How much more (or less) one evaluator scores than the others would on the same agents.</summary>
/// <param name="Difference">QA points above the average evaluator, comparing like with like (same agents).</param>
[GenerateSerializer, Alias("qm.Leniency")]
public sealed record Leniency(string EvaluatorId, int Evaluations, double Difference, double[] Ci95, string Verdict, string Explanation);

/// <summary>Evaluator leniency from everyday work: a regression of the QA score on evaluator indicators with agent fixed
/// effects (swept out within agent), so an evaluator is not called lenient for having been given the better agents.
/// Each difference is the evaluator's
/// coefficient minus the mean of all evaluators' (the centred contrast), with its own standard error from the full
/// covariance, clustered by agent (an agent's evaluations are not independent). Intervals are simultaneous over the
/// evaluators compared (Bonferroni), so "lenient" and "severe" hold for the whole list at once, not one at a time.
/// Only random picks enter, or all picks weighted by inverse inclusion probability, as in the driver analysis.</summary>
public static class EvaluatorLeniency
{
    public static List<Leniency> Estimate(IReadOnlyList<EvaluatedContact> contacts, int minimumEvaluations = 20)
    {
        var sample = InferenceSample.Of(contacts);
        var scored = sample.Rows.Where(c => c.QaScore is not null).ToList();
        var evaluators = scored.GroupBy(c => c.EvaluatorId).Where(g => g.Count() >= minimumEvaluations)
            .Select(g => g.Key).Order(StringComparer.Ordinal).ToList();
        if (evaluators.Count < 2) return [];
        var rows = scored.Where(c => evaluators.Contains(c.EvaluatorId)).ToList();
        if (rows.Select(c => c.AgentId).Distinct().Count() < 2) return [];
        // Evaluator dummies against the first evaluator; the agents' effects swept out within agent (one dummy per agent
        // would make a month of a large centre an 800-column fit).
        var names = evaluators.Skip(1).Select(e => $"evaluator={e}").ToList();
        var evaluatorIndex = evaluators.Skip(1).Select((e, i) => (e, i)).ToDictionary(p => p.e, p => p.i);
        var x = rows.Select(c =>
        {
            var row = new double[names.Count];
            if (evaluatorIndex.TryGetValue(c.EvaluatorId, out var e)) row[e] = 1;
            return row;
        }).ToList();
        var y = rows.Select(c => c.QaScore!.Value).ToList();
        var weights = rows.Select(sample.Weight).ToList();
        var agents = rows.Select(c => c.AgentId).ToList();
        var model = LinearModel.Fit(x, y, names, weights, agents, WithinTransform.Sweep(x, y, weights, agents));

        // The first evaluator's coefficient is 0 by construction; evaluator e's centred effect is b_e - mean_k b_k.
        var critical = model.Critical(1 - 0.05 / evaluators.Count);
        var results = new List<Leniency>();
        foreach (var e in evaluators)
        {
            var multipliers = evaluators.Skip(1).ToDictionary(k => $"evaluator={k}", k => (k == e ? 1.0 : 0.0) - 1.0 / evaluators.Count);
            if (model.Combination(multipliers) is not var (d, se)) continue;
            var half = critical * se;
            var verdict = d - half > 0 ? "lenient" : d + half < 0 ? "severe" : "in line";
            var n = rows.Count(c => c.EvaluatorId == e);
            results.Add(new Leniency(e, n, d, [d - half, d + half], verdict, string.Create(CultureInfo.InvariantCulture,
                $"{e} scores {d:+0.0;-0.0} QA points against the average evaluator on the same agents (95% CI {d - half:0.0} to {d + half:0.0}, simultaneous over {evaluators.Count} evaluators; {n} evaluations): {verdict}.")));
        }
        return results.OrderByDescending(l => l.Difference).ToList();
    }
}

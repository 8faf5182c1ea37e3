using System.Globalization;
using QmInsights.Domain.Analytics;

namespace QmInsights.Domain.Calibration;

/// <summary>How much more (or less) one evaluator scores than the others would on the same agents.</summary>
/// <param name="Difference">QA points above the average evaluator, comparing like with like (same agents).</param>
[GenerateSerializer, Alias("qm.Leniency")]
public sealed record Leniency(string EvaluatorId, int Evaluations, double Difference, double[] Ci95, string Verdict, string Explanation);

/// <summary>Evaluator leniency from everyday work: a regression of the QA score on evaluator and agent indicators,
/// so an evaluator is not called lenient for having been given the better agents. Differences are against the
/// average evaluator (the coefficients are centred), with 95% intervals.</summary>
public static class EvaluatorLeniency
{
    public static List<Leniency> Estimate(IReadOnlyList<EvaluatedContact> contacts, int minimumEvaluations = 20)
    {
        var scored = contacts.Where(c => c.QaScore is not null).ToList();
        var evaluators = scored.GroupBy(c => c.EvaluatorId).Where(g => g.Count() >= minimumEvaluations)
            .Select(g => g.Key).Order(StringComparer.Ordinal).ToList();
        if (evaluators.Count < 2) return [];
        var rows = scored.Where(c => evaluators.Contains(c.EvaluatorId)).ToList();
        var agents = rows.Select(c => c.AgentId).Distinct().Order(StringComparer.Ordinal).Skip(1).ToList();
        // Evaluator dummies against the first evaluator, agent dummies against the first agent.
        var names = evaluators.Skip(1).Select(e => $"evaluator={e}").Concat(agents.Select(a => $"agent={a}")).ToList();
        var agentIndex = agents.Select((a, i) => (a, i)).ToDictionary(p => p.a, p => evaluators.Count - 1 + p.i);
        var evaluatorIndex = evaluators.Skip(1).Select((e, i) => (e, i)).ToDictionary(p => p.e, p => p.i);
        var x = rows.Select(c =>
        {
            var row = new double[names.Count];
            if (evaluatorIndex.TryGetValue(c.EvaluatorId, out var e)) row[e] = 1;
            if (agentIndex.TryGetValue(c.AgentId, out var a)) row[a] = 1;
            return row;
        }).ToList();
        var model = LinearModel.Fit(x, rows.Select(c => c.QaScore!.Value).ToList(), names);

        // Effects relative to the first evaluator (0 for it, with no interval of its own); centring on their mean
        // makes "the average evaluator" zero.
        var raw = evaluators.Select(e => e == evaluators[0] ? (Estimate: 0.0, Half: (double?)null)
            : model.Effect($"evaluator={e}") is { } fit ? (fit.Estimate, (fit.High - fit.Low) / 2) : (0.0, null)).ToList();
        var mean = raw.Average(r => r.Estimate);
        var typicalHalf = raw.Where(r => r.Half is not null).Select(r => r.Half!.Value).DefaultIfEmpty(0).Average();
        return evaluators.Select((e, i) =>
        {
            var d = raw[i].Estimate - mean;
            var half = raw[i].Half ?? typicalHalf;
            var verdict = d - half > 0 ? "lenient" : d + half < 0 ? "severe" : "in line";
            var n = rows.Count(c => c.EvaluatorId == e);
            return new Leniency(e, n, d, [d - half, d + half], verdict, string.Create(CultureInfo.InvariantCulture,
                $"{e} scores {d:+0.0;-0.0} QA points against the average evaluator on the same agents (95% CI {d - half:0.0} to {d + half:0.0}, {n} evaluations): {verdict}."));
        }).OrderByDescending(l => l.Difference).ToList();
    }
}

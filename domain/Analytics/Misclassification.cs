using QmInsights.Domain.Facts;

namespace QmInsights.Domain.Analytics;

/// <summary>Corrects an item's within-agent effect for evaluators' misrecording. A recorded answer W is the truth X
/// flipped with the evaluator's false-yes rate l and false-no rate s; the regression on W then estimates lambda times
/// the effect of X, with lambda = Cov(X, W | agent) / Var(W | agent) (attenuation of a misclassified binary regressor:
/// Carroll, Ruppert, Stefanski &amp; Crainiceanu 2006, "Measurement Error in Nonlinear Models", 2nd ed., section 3.2 and
/// the misclassification case of section 15.2). Within one agent Cov(X, W) = (r - l)(1 - s - r) / (1 - s - l) with r
/// the agent's recorded yes-rate, estimated without bias by (r^ - l)(1 - s - r^) + r^(1 - r^)/(n - 1); Var(W) is read
/// off the answers. The corrected effect is b / lambda; its variance adds lambda's own uncertainty (rates drawn from
/// their calibration posteriors) by the delta method: se^2 / lambda^2 + b^2 var(lambda) / lambda^4.</summary>
public static class Misclassification
{
    private const int Draws = 200;

    /// <summary>Lambda and its standard error for <paramref name="itemId"/> over the rows of one regression; null when
    /// no agent has two answered rows or the answers carry no within-agent variation.</summary>
    public static (double Lambda, double StandardError)? Attenuation(IReadOnlyList<EvaluatedContact> rows, string itemId,
        IReadOnlyDictionary<string, EvaluatorReliability> reliability, int seed = 1)
    {
        var agents = rows.Select(r => (r.AgentId, r.EvaluatorId, Answer: DriverAnalysis.Answer(r, itemId)))
            .Where(r => r.Answer is ItemAnswer.Yes or ItemAnswer.No)
            .GroupBy(r => r.AgentId)
            .Select(g => (N: g.Count(), Yes: g.Count(r => r.Answer == ItemAnswer.Yes), Evaluators: g.Select(r => r.EvaluatorId).ToList()))
            .Where(a => a.N >= 2).ToList();
        if (agents.Count == 0) return null;
        EvaluatorReliability Of(string evaluator) => reliability.GetValueOrDefault(evaluator) ?? reliability[EvaluatorReliability.Pooled];
        double Lambda(Func<string, (double FalseYes, double FalseNo)> rates)
        {
            double covariance = 0, variance = 0;
            foreach (var (n, yes, evaluators) in agents)
            {
                var r = (double)yes / n;
                var l = evaluators.Average(e => rates(e).FalseYes);
                var s = evaluators.Average(e => rates(e).FalseNo);
                if (1 - s - l <= 0.05) continue; // an evaluator no better than a coin says nothing
                covariance += (n - 1) * ((r - l) * (1 - s - r) + r * (1 - r) / (n - 1)) / (1 - s - l);
                variance += n * r * (1 - r);
            }
            return variance > 0 ? Math.Clamp(covariance / variance, 0.05, 1) : double.NaN;
        }
        var lambda = Lambda(e => (Of(e).FalseYes, Of(e).FalseNo));
        if (double.IsNaN(lambda)) return null;
        var random = new Random(seed);
        var draws = Enumerable.Range(0, Draws).Select(_ =>
        {
            var drawn = reliability.ToDictionary(p => p.Key, p => p.Value.Draw(random), StringComparer.Ordinal);
            return Lambda(e => drawn.GetValueOrDefault(e, drawn[EvaluatorReliability.Pooled]));
        }).Where(v => !double.IsNaN(v)).ToList();
        var mean = draws.Average();
        return (lambda, Math.Sqrt(draws.Sum(v => (v - mean) * (v - mean)) / Math.Max(1, draws.Count - 1)));
    }

    /// <summary>The effect of the item being done: <paramref name="estimate"/> / lambda with the widened interval.</summary>
    public static (double Estimate, double Low, double High) Correct(double estimate, double standardError, double critical,
        (double Lambda, double StandardError) attenuation)
    {
        var (lambda, lambdaSe) = attenuation;
        var corrected = estimate / lambda;
        var se = Math.Sqrt(standardError * standardError / (lambda * lambda) + estimate * estimate * lambdaSe * lambdaSe / Math.Pow(lambda, 4));
        return (corrected, corrected - critical * se, corrected + critical * se);
    }
}

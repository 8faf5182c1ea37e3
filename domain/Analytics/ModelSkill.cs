using MathNet.Numerics.Distributions;

namespace QmInsights.Domain.Analytics;

/// <summary>How well predictions on held-out contacts match what happened, and how sure that is across folds.</summary>
public static class ModelSkill
{
    /// <summary>Weighted R² = 1 - sum w (y - p)^2 / sum w (y - mean_w y)^2: 0 is no better than predicting the mean,
    /// below 0 worse.</summary>
    public static double RSquared(IReadOnlyList<double> actual, IReadOnlyList<float> predicted, IReadOnlyList<double> weights)
    {
        var total = weights.Sum();
        var mean = actual.Select((y, i) => weights[i] * y).Sum() / total;
        double error = 0, spread = 0;
        for (var i = 0; i < actual.Count; i++)
        {
            error += weights[i] * Math.Pow(actual[i] - predicted[i], 2);
            spread += weights[i] * Math.Pow(actual[i] - mean, 2);
        }
        return spread > 0 ? 1 - error / spread : 0;
    }

    /// <summary>Weighted area under the ROC curve: the chance that a positive contact scores above a negative one, ties
    /// counting half (the Mann-Whitney form of Hanley &amp; McNeil 1982); 0.5 is no skill. NaN without both classes.</summary>
    public static double Auc(IReadOnlyList<bool> positive, IReadOnlyList<float> scores, IReadOnlyList<double> weights)
    {
        double negativesBelow = 0, concordant = 0, positives = 0, negatives = 0;
        // Ascending by score; within a tie, positives meet the tie's negatives at half weight.
        foreach (var tie in Enumerable.Range(0, scores.Count).GroupBy(i => scores[i]).OrderBy(g => g.Key))
        {
            double tiePositive = 0, tieNegative = 0;
            foreach (var i in tie)
                if (positive[i]) tiePositive += weights[i];
                else tieNegative += weights[i];
            concordant += tiePositive * (negativesBelow + tieNegative / 2);
            negativesBelow += tieNegative;
            positives += tiePositive;
            negatives += tieNegative;
        }
        return positives > 0 && negatives > 0 ? concordant / (positives * negatives) : double.NaN;
    }

    /// <summary>Mean of per-fold values with a 95% interval from their spread (Student t on folds - 1 degrees of
    /// freedom). Folds share training contacts, so the interval is a rough guide rather than exact.</summary>
    public static (double Mean, double[] Ci95) AcrossFolds(IReadOnlyList<double> values)
    {
        var mean = values.Average();
        if (values.Count < 2) return (mean, [mean, mean]);
        var sd = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
        var half = StudentT.InvCDF(0, 1, values.Count - 1, 0.975) * sd / Math.Sqrt(values.Count);
        return (mean, [mean - half, mean + half]);
    }
}

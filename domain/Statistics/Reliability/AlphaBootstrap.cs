using MathNet.Numerics.Distributions;

namespace QmInsights.Domain.Statistics.Reliability;

/// <summary>A bootstrap interval for Krippendorff's alpha that resamples units (the contacts scored): how much alpha
/// would move had other contacts been chosen for the session. Hayes &amp; Krippendorff (2007, "Answering the call for
/// a standard reliability measure for coding data", Communication Methods and Measures 1(1):77-89) bootstrap alpha's
/// sampling distribution; resampling whole units keeps each unit's ratings together, so the interval also holds when
/// units differ in how hard they are. Units may be grouped into clusters that are resampled whole (e.g. every item
/// answer of one contact when alpha is pooled over items). Limits are Hesterberg's expanded percentiles (Hesterberg 2015,
/// "What teachers should know about the bootstrap", The American Statistician 69(4):371-386, arXiv:1411.5279; the R
/// package resample's ExpandProbs): the plain percentile interval runs narrow with the 3-10 contacts of a calibration
/// session. Deterministic for a given seed.</summary>
public static class AlphaBootstrap
{
    /// <summary>Alpha with a percentile interval at <paramref name="confidence"/> from <paramref name="replicates"/>
    /// resamples of the clusters; each cluster is a list of units, each unit the values it received.</summary>
    public static ReliabilityInterval Of(IReadOnlyList<IReadOnlyList<IReadOnlyList<double>>> clusters, AlphaMetric metric,
        int replicates = 1000, double confidence = 0.95, int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(clusters);
        if (confidence is <= 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(confidence));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(replicates);
        var value = KrippendorffAlpha.FromUnits(clusters.SelectMany(c => c), metric);
        if (value is null || clusters.Count < 2) return new ReliabilityInterval(value, null, null, 0);

        // Each cluster's coincidences as sparse (c, k, weight) entries, so a resample only adds up what it drew.
        var values = clusters.SelectMany(c => c).Where(u => u.Count >= 2).SelectMany(u => u).Distinct().Order().ToArray();
        var index = values.Select((v, i) => (v, i)).ToDictionary(p => p.v, p => p.i);
        var entries = clusters.Select(c => Entries(c, index)).ToList();
        var pairable = clusters.Select(c => c.Count(u => u.Count >= 2)).ToArray();

        var random = new Random(seed);
        var o = new double[values.Length, values.Length];
        var margins = new double[values.Length];
        var alphas = new List<double>(replicates);
        for (var r = 0; r < replicates; r++)
        {
            Array.Clear(o);
            Array.Clear(margins);
            var units = 0;
            for (var draw = 0; draw < clusters.Count; draw++)
            {
                var pick = random.Next(clusters.Count);
                units += pairable[pick];
                foreach (var (c, k, w) in entries[pick])
                {
                    o[c, k] += w;
                    margins[c] += w;
                }
            }
            if (KrippendorffAlpha.Of(CoincidenceMatrix.FromCounts(values, o, margins, units), metric) is { } a) alphas.Add(a);
        }
        // Too few defined resamples (almost no variation anywhere) give no interval worth showing.
        if (alphas.Count < replicates / 2) return new ReliabilityInterval(value, null, null, replicates);
        alphas.Sort();
        // Hesterberg's expanded percentile interval: with few clusters the plain percentile interval runs narrow (the
        // bootstrap spread is sqrt((G-1)/G) of the true one, and z stands in for t), so the tails are read at the level
        // where z equals sqrt(G/(G-1)) t_{G-1}.
        var g = clusters.Count;
        var tail = Normal.CDF(0, 1, -Math.Sqrt(g / (g - 1.0)) * StudentT.InvCDF(0, 1, g - 1, 1 - (1 - confidence) / 2));
        return new ReliabilityInterval(value, Quantile(alphas, tail), Quantile(alphas, 1 - tail), replicates);
    }

    /// <summary>Alpha with its interval when every unit is resampled on its own.</summary>
    public static ReliabilityInterval OfUnits(IReadOnlyList<IReadOnlyList<double>> units, AlphaMetric metric, int replicates = 1000,
        double confidence = 0.95, int seed = 1) =>
        Of(units.Select(u => (IReadOnlyList<IReadOnlyList<double>>)[u]).ToList(), metric, replicates, confidence, seed);

    private static List<(int C, int K, double W)> Entries(IReadOnlyList<IReadOnlyList<double>> cluster, Dictionary<double, int> index)
    {
        var list = new List<(int, int, double)>();
        foreach (var unit in cluster.Where(u => u.Count >= 2))
        {
            var w = 1.0 / (unit.Count - 1);
            for (var i = 0; i < unit.Count; i++)
                for (var j = 0; j < unit.Count; j++)
                    if (i != j) list.Add((index[unit[i]], index[unit[j]], w));
        }
        return list;
    }

    // Linear interpolation between order statistics (type 7, the R and NumPy default).
    private static double Quantile(List<double> sorted, double p)
    {
        var h = (sorted.Count - 1) * p;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Count - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}

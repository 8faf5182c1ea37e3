namespace QmInsights.Domain.Forecasting;

/// <summary>Prediction intervals calibrated on out-of-sample (backtest) residuals. Residuals are standardised by the
/// noise one expects at the predicted level (count noise grows with the square root of the volume; a mean of n
/// handle times shrinks with the square root of n), then their empirical quantiles are taken separately for up to
/// four bands of predicted volume, so quiet and busy intervals each get the width they showed. Only open hours count:
/// a closed hour's zero residual says nothing about the width an open hour needs.</summary>
public sealed class ResidualBands
{
    private static readonly double[] Levels = [0.025, 0.10, 0.90, 0.975];

    private readonly double[] edges;
    private readonly double[][] volumeQuantiles;
    private readonly double[][] handleQuantiles;

    private ResidualBands(double[] edges, double[][] volumeQuantiles, double[][] handleQuantiles)
    {
        this.edges = edges;
        this.volumeQuantiles = volumeQuantiles;
        this.handleQuantiles = handleQuantiles;
    }

    public static ResidualBands Fit(IReadOnlyList<BacktestPoint> all)
    {
        var points = all.Where(p => p.Open).ToList();
        // At least about a hundred residuals per band, so the 2.5% and 97.5% quantiles rest on a few points each.
        var bands = Math.Clamp(points.Count / 100, 1, 4);
        var sorted = points.Select(p => p.PredictedVolume).Order().ToArray();
        var edges = Enumerable.Range(1, bands - 1).Select(b => Quantile(sorted, b / (double)bands)).ToArray();
        var volume = new double[bands][];
        var handle = new double[bands][];
        for (var b = 0; b < bands; b++)
        {
            var inBand = points.Where(p => Band(edges, p.PredictedVolume) == b).ToList();
            volume[b] = Quantiles(inBand.Select(p => (p.Contacts - p.PredictedVolume) / VolumeScale(p.PredictedVolume)));
            handle[b] = Quantiles(inBand.Where(p => p.HandleSeconds is not null)
                .Select(p => (p.HandleSeconds!.Value / p.PredictedHandle - 1) / HandleScale(p.PredictedVolume)));
        }
        return new ResidualBands(edges, volume, handle);
    }

    /// <summary>Lower 80, upper 80, lower 95, upper 95 of the volume, never below zero.</summary>
    public (double Lower80, double Upper80, double Lower95, double Upper95) Volume(double predicted)
    {
        var q = volumeQuantiles[Band(edges, predicted)];
        var scale = VolumeScale(predicted);
        double At(int k) => Math.Max(0, predicted + q[k] * scale);
        return (At(1), At(2), At(0), At(3));
    }

    /// <summary>Lower 80, upper 80, lower 95, upper 95 of the mean handle seconds, never below zero.</summary>
    public (double Lower80, double Upper80, double Lower95, double Upper95) Handle(double predicted, double predictedVolume)
    {
        var q = handleQuantiles[Band(edges, predictedVolume)];
        var scale = HandleScale(predictedVolume);
        double At(int k) => Math.Max(0, predicted * (1 + q[k] * scale));
        return (At(1), At(2), At(0), At(3));
    }

    private static double VolumeScale(double predicted) => Math.Sqrt(predicted + 1);

    private static double HandleScale(double predictedVolume) => 1 / Math.Sqrt(Math.Max(1, predictedVolume));

    private static int Band(double[] edges, double predictedVolume)
    {
        var b = 0;
        while (b < edges.Length && predictedVolume > edges[b]) b++;
        return b;
    }

    private static double[] Quantiles(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? new double[Levels.Length] : Levels.Select(l => Quantile(sorted, l)).ToArray();
    }

    // Linear interpolation between order statistics (Hyndman & Fan type 7, R's default).
    internal static double Quantile(double[] sorted, double p)
    {
        if (sorted.Length == 0) return 0;
        var h = (sorted.Length - 1) * p;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}

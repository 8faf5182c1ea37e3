namespace QmInsights.Domain.Statistics.Reliability;

/// <summary>Gwet's AC1 with the agreement figures it is made of.</summary>
/// <param name="ObservedAgreement">p_a, the mean share of agreeing rater pairs over units rated at least twice.</param>
/// <param name="ChanceAgreement">p_e, Gwet's chance agreement: sum_k pi_k (1 - pi_k) / (q - 1).</param>
/// <param name="Ac1">(p_a - p_e) / (1 - p_e); null when chance agreement is 1 (a single category).</param>
public sealed record Ac1Result(double ObservedAgreement, double ChanceAgreement, double? Ac1);

/// <summary>Gwet's first-order agreement coefficient AC1 for any number of raters, nominal categories and missing
/// ratings (Gwet 2008, "Computing inter-rater reliability and its variance in the presence of high agreement",
/// BJMSP 61:29-48; Gwet 2014, Handbook of Inter-Rater Reliability, 4th ed., ch. 2). Kappa-type coefficients take
/// chance agreement from the squared category shares, so an item answered "yes" almost always gets a low kappa
/// however well raters agree (the kappa paradox, Feinstein &amp; Cicchetti 1990); AC1's chance agreement is small
/// exactly then, so it stays near the observed agreement.</summary>
public static class GwetAc1
{
    /// <summary>AC1 for the values each unit received (missing ratings left out) on a scale of
    /// <paramref name="categories"/> possible values (q counts the scale's categories, also those nobody used);
    /// null when no unit holds two ratings.</summary>
    public static Ac1Result? FromUnits(IEnumerable<IReadOnlyList<double>> units, IReadOnlyCollection<double> categories)
    {
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(categories);
        if (categories.Count < 2) throw new ArgumentException("AC1 needs a scale of at least two categories.", nameof(categories));
        var index = categories.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i);
        var shares = new double[categories.Count]; // sum over rated units of r_ik / r_i
        int rated = 0, pairable = 0;
        double agreement = 0;
        var counts = new int[categories.Count];
        foreach (var unit in units)
        {
            if (unit.Count == 0) continue;
            Array.Clear(counts);
            foreach (var v in unit)
                counts[index.TryGetValue(v, out var k) ? k
                    : throw new ArgumentException($"Rating {v} is not one of the scale's categories.", nameof(units))]++;
            rated++;
            double r = unit.Count;
            for (var k = 0; k < counts.Length; k++) shares[k] += counts[k] / r;
            if (unit.Count < 2) continue;
            pairable++;
            for (var k = 0; k < counts.Length; k++) agreement += counts[k] * (counts[k] - 1.0) / (r * (r - 1));
        }
        if (pairable == 0) return null;
        var pa = agreement / pairable;
        var pe = shares.Sum(s => s / rated * (1 - s / rated)) / (categories.Count - 1);
        return new Ac1Result(pa, pe, pe < 1 - 1e-12 ? (pa - pe) / (1 - pe) : null);
    }
}

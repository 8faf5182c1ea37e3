namespace QmInsights.Domain.Statistics.Reliability;

/// <summary>Krippendorff's coincidence matrix: o_ck counts ordered pairs of values (c, k) found in the same unit,
/// each unit weighted 1/(m_u - 1) so that it contributes exactly its m_u pairable values.</summary>
public sealed class CoincidenceMatrix
{
    private readonly double[,] _o;
    private readonly double[] _margins;

    private CoincidenceMatrix(double[] values, double[,] o, double[] margins, int pairableUnits)
    {
        Values = values;
        _o = o;
        _margins = margins;
        PairableUnits = pairableUnits;
        PairableValues = margins.Sum();
    }

    /// <summary>The distinct values found in pairable units, ascending.</summary>
    public IReadOnlyList<double> Values { get; }

    /// <summary>How many units hold at least two values.</summary>
    public int PairableUnits { get; }

    /// <summary>n.., the number of values in pairable units.</summary>
    public double PairableValues { get; }

    /// <summary>o_ck for the values at the given positions of <see cref="Values"/>.</summary>
    public double Coincidences(int c, int k) => _o[c, k];

    /// <summary>n_c, how many pairable values equal the value at position <paramref name="c"/> of <see cref="Values"/>.</summary>
    public double Margin(int c) => _margins[c];

    /// <summary>A matrix from counts already added up (a bootstrap resample's units): o_ck over the given values,
    /// the margins n_c and the pairable units they came from. The arrays are used as they are, not copied (a resample
    /// refills them for the next one): the caller must not change them while the matrix is in use.</summary>
    internal static CoincidenceMatrix FromCounts(double[] values, double[,] o, double[] margins, int pairableUnits) =>
        new(values, o, margins, pairableUnits);

    /// <summary>Builds the matrix from a reliability data matrix: rows are coders, columns are units, null is missing.</summary>
    public static CoincidenceMatrix FromCoders(IReadOnlyList<IReadOnlyList<double?>> codersByUnits)
    {
        ArgumentNullException.ThrowIfNull(codersByUnits);
        var unitCount = codersByUnits.Count == 0 ? 0 : codersByUnits.Max(r => r.Count);
        var units = new List<double>[unitCount];
        for (var u = 0; u < unitCount; u++) units[u] = [];
        foreach (var coder in codersByUnits)
            for (var u = 0; u < coder.Count; u++)
                if (coder[u] is { } v) units[u].Add(v);
        return FromUnits(units);
    }

    /// <summary>Builds the matrix from the values each unit received (missing values simply left out).</summary>
    public static CoincidenceMatrix FromUnits(IEnumerable<IReadOnlyList<double>> units)
    {
        ArgumentNullException.ThrowIfNull(units);
        // A unit with fewer than two values holds no pair, so it says nothing about agreement.
        var pairable = units.Where(u => u.Count >= 2).ToList();
        foreach (var v in pairable.SelectMany(u => u))
            if (!double.IsFinite(v)) throw new ArgumentException("Values must be finite numbers.", nameof(units));

        var values = pairable.SelectMany(u => u).Distinct().Order().ToArray();
        var index = new Dictionary<double, int>(values.Length);
        for (var i = 0; i < values.Length; i++) index[values[i]] = i;

        var o = new double[values.Length, values.Length];
        var margins = new double[values.Length];
        foreach (var unit in pairable)
        {
            var weight = 1.0 / (unit.Count - 1);
            for (var i = 0; i < unit.Count; i++)
            {
                var c = index[unit[i]];
                margins[c] += 1; // each value pairs with m_u - 1 others at weight 1/(m_u - 1)
                for (var j = 0; j < unit.Count; j++)
                    if (i != j) o[c, index[unit[j]]] += weight;
            }
        }
        return new CoincidenceMatrix(values, o, margins, pairable.Count);
    }
}

namespace QmInsights.Domain.Statistics.Reliability;

/// <summary>Fleiss' kappa for N subjects each rated by the same number n of raters into k nominal categories
/// (Fleiss 1971, "Measuring nominal scale agreement among many raters", Psychological Bulletin 76(5)).</summary>
public static class FleissKappa
{
    /// <summary>Kappa from counts n_ij (rows subjects, columns categories: how many raters put subject i in category j);
    /// throws when subjects received different numbers of ratings, fewer than two, or negative counts.</summary>
    public static FleissKappaResult Of(IReadOnlyList<IReadOnlyList<int>> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        if (counts.Count == 0) throw new ArgumentException("At least one subject is needed.", nameof(counts));
        var categories = counts[0].Count;
        if (categories == 0) throw new ArgumentException("At least one category is needed.", nameof(counts));

        var raters = -1;
        for (var i = 0; i < counts.Count; i++)
        {
            var row = counts[i];
            if (row.Count != categories)
                throw new ArgumentException(
                    $"Subject {i} has {row.Count} categories where subject 0 has {categories}.", nameof(counts));
            if (row.Any(c => c < 0))
                throw new ArgumentException($"Subject {i} has a negative count.", nameof(counts));
            var sum = row.Sum();
            if (raters < 0) raters = sum;
            // Fleiss' chance model assumes every subject was rated by the same number of raters.
            else if (sum != raters)
                throw new ArgumentException(
                    $"Fleiss' kappa needs the same number of raters per subject: subject {i} has {sum}, subject 0 has {raters}.",
                    nameof(counts));
        }
        if (raters < 2)
            throw new ArgumentException("Each subject needs at least two ratings to form a pair.", nameof(counts));

        double subjects = counts.Count, n = raters;
        var proportions = new double[categories];
        double agreementSum = 0;
        var disagreement = new double[categories]; // Σ_i n_ij (n - n_ij), for kappa_j
        foreach (var row in counts)
        {
            double squares = 0;
            for (var j = 0; j < categories; j++)
            {
                proportions[j] += row[j];
                squares += (double)row[j] * row[j];
                disagreement[j] += (double)row[j] * (n - row[j]);
            }
            agreementSum += (squares - n) / (n * (n - 1));
        }
        for (var j = 0; j < categories; j++) proportions[j] /= subjects * n;

        var observed = agreementSum / subjects;
        var chance = proportions.Sum(p => p * p);
        // All ratings in one category: chance agreement is 1 and kappa is 0/0, not a number to show.
        double? kappa = chance < 1 - 1e-12 ? (observed - chance) / (1 - chance) : null;

        var categoryKappas = new double?[categories];
        for (var j = 0; j < categories; j++)
        {
            var spread = proportions[j] * (1 - proportions[j]);
            categoryKappas[j] = spread > 1e-12
                ? 1 - disagreement[j] / (subjects * n * (n - 1) * spread)
                : null;
        }
        return new FleissKappaResult(counts.Count, raters, observed, chance, kappa, proportions, categoryKappas);
    }

    /// <summary>Tallies n_ij from the category (0 to <paramref name="categoryCount"/> - 1) each rater gave each subject.</summary>
    public static int[][] Tally(IEnumerable<IEnumerable<int>> categoriesPerSubject, int categoryCount)
    {
        ArgumentNullException.ThrowIfNull(categoriesPerSubject);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(categoryCount);
        return categoriesPerSubject.Select(ratings =>
        {
            var row = new int[categoryCount];
            foreach (var c in ratings)
            {
                if (c < 0 || c >= categoryCount)
                    throw new ArgumentOutOfRangeException(nameof(categoriesPerSubject), c, "Category out of range.");
                row[c]++;
            }
            return row;
        }).ToArray();
    }
}

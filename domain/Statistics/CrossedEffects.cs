using MathNet.Numerics.LinearAlgebra;

namespace QmInsights.Domain.Statistics;

/// <summary>One level's predicted effect (BLUP) with its prediction error variance.</summary>
public sealed record LevelEffect(string Level, int Observations, double Effect, double PredictionVariance);

/// <summary>A fitted crossed random-effects model y = mu + a_i + b_j + e with a (e.g. agents, many levels) and b
/// (e.g. evaluators, few levels) crossed, variance components by REML, and each level's shrunken effect.</summary>
/// <param name="Mu">The overall mean (the generalised least-squares intercept).</param>
/// <param name="MuVariance">Sampling variance of <paramref name="Mu"/>.</param>
/// <param name="Large">Effects of the many-level factor, with <see cref="MeanCovariance"/> for mu + a_i intervals.</param>
public sealed record CrossedFit(double Mu, double MuVariance, double LargeVariance, double SmallVariance, double ResidualVariance,
    IReadOnlyList<LevelEffect> Large, IReadOnlyList<LevelEffect> Small, IReadOnlyDictionary<string, double> MeanCovariance, int Iterations)
{
    /// <summary>mu + a_i with its prediction variance: a level's score at the average level of the other factor.</summary>
    public (double Score, double Variance) LargeScore(LevelEffect level) =>
        (Mu + level.Effect, MuVariance + level.PredictionVariance + 2 * MeanCovariance[level.Level]);
}

/// <summary>REML for two crossed random factors by the EM algorithm on Henderson's mixed model equations (Searle,
/// Casella &amp; McCulloch 1992, "Variance Components", section 8.3): the many-level factor's block is diagonal and is
/// absorbed, so each iteration costs a small dense solve over the intercept and the few-level factor, whatever the
/// number of agents. Checked against lme4's fit of the Penicillin data (Bates 2010, "lme4: Mixed-effects modeling with
/// R", chapter 2).</summary>
public static class CrossedEffects
{
    public static CrossedFit Fit(IReadOnlyList<(string Large, string Small, double Y)> rows, int maxIterations = 2000, double tolerance = 1e-10)
    {
        var largeIds = rows.Select(r => r.Large).Distinct().Order(StringComparer.Ordinal).ToList();
        var smallIds = rows.Select(r => r.Small).Distinct().Order(StringComparer.Ordinal).ToList();
        if (largeIds.Count < 2 || smallIds.Count < 2) throw new ArgumentException("both factors need at least 2 levels", nameof(rows));
        var li = largeIds.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i, StringComparer.Ordinal);
        var si = smallIds.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i, StringComparer.Ordinal);
        int a = largeIds.Count, b = smallIds.Count, d = 1 + b, n = rows.Count;

        // Sufficient statistics: counts and sums per level and per cell.
        var nA = new double[a];
        var yA = new double[a];
        var nB = new double[b];
        var yB = new double[b];
        var cell = new double[a, b];
        var yy = 0.0;
        foreach (var (largeId, smallId, y) in rows)
        {
            int i = li[largeId], j = si[smallId];
            nA[i]++; yA[i] += y; nB[j]++; yB[j] += y; cell[i, j]++;
            yy += y * y;
        }
        var ySum = yA.Sum();

        // Start from the one-way variances; EM then climbs the REML likelihood monotonically.
        var mean = ySum / n;
        var total = Math.Max(1e-12, rows.Sum(r => (r.Y - mean) * (r.Y - mean)) / (n - 1));
        double s2 = total / 2, s2a = total / 4, s2b = total / 4;
        var iterations = 0;
        Solution solution;
        while (true)
        {
            iterations++;
            solution = Solve(s2 / s2a, s2 / s2b);
            var newA = (solution.U.Sum(u => u * u) + s2 * solution.TraceA) / a;
            var newB = (solution.Theta.Skip(1).Sum(u => u * u) + s2 * solution.TraceB) / b;
            var newS2 = (yy - solution.Theta[0] * ySum - Dot(solution.Theta.Skip(1), yB) - Dot(solution.U, yA)) / (n - 1);
            var change = Math.Abs(newA - s2a) + Math.Abs(newB - s2b) + Math.Abs(newS2 - s2);
            (s2a, s2b, s2) = (Math.Max(newA, 1e-12 * total), Math.Max(newB, 1e-12 * total), Math.Max(newS2, 1e-12 * total));
            if (change < tolerance * total || iterations >= maxIterations) break;
        }
        solution = Solve(s2 / s2a, s2 / s2b);
        var large = largeIds.Select((id, i) => new LevelEffect(id, (int)nA[i], solution.U[i], s2 * solution.PevA[i])).ToList();
        var small = smallIds.Select((id, j) => new LevelEffect(id, (int)nB[j], solution.Theta[1 + j], s2 * solution.Inverse[1 + j, 1 + j])).ToList();
        var covariance = largeIds.Select((id, i) => (id, s2 * solution.CovMuA[i])).ToDictionary(p => p.id, p => p.Item2, StringComparer.Ordinal);
        return new CrossedFit(solution.Theta[0], s2 * solution.Inverse[0, 0], s2a, s2b, s2, large, small, covariance, iterations);

        Solution Solve(double lambdaA, double lambdaB)
        {
            // C = [[A, B], [B', D]]: A diagonal over large levels, the dense part over [mu, small levels].
            var aDiag = nA.Select(v => v + lambdaA).ToArray();
            var dense = Matrix<double>.Build.Dense(d, d);
            dense[0, 0] = n;
            for (var j = 0; j < b; j++)
            {
                dense[0, 1 + j] = dense[1 + j, 0] = nB[j];
                dense[1 + j, 1 + j] = nB[j] + lambdaB;
            }
            // Row i of A^-1 B: the large level's counts against [mu, small levels], over its diagonal.
            var aInvB = new double[a][];
            for (var i = 0; i < a; i++)
            {
                var row = new double[d];
                row[0] = nA[i] / aDiag[i];
                for (var j = 0; j < b; j++) row[1 + j] = cell[i, j] / aDiag[i];
                aInvB[i] = row;
            }
            // Schur complement S = D - B' A^-1 B and the reduced right-hand side.
            var schur = dense.Clone();
            var rhs = Vector<double>.Build.Dense(d);
            rhs[0] = ySum;
            for (var j = 0; j < b; j++) rhs[1 + j] = yB[j];
            for (var i = 0; i < a; i++)
            {
                var bi = new double[d];
                bi[0] = nA[i];
                for (var j = 0; j < b; j++) bi[1 + j] = cell[i, j];
                for (var k = 0; k < d; k++)
                {
                    rhs[k] -= bi[k] * yA[i] / aDiag[i];
                    for (var l = 0; l < d; l++) schur[k, l] -= bi[k] * aInvB[i][l];
                }
            }
            var inverse = schur.Inverse();
            var theta = inverse * rhs;
            var u = new double[a];
            var pev = new double[a];
            var covMu = new double[a];
            var traceA = 0.0;
            for (var i = 0; i < a; i++)
            {
                var v = Vector<double>.Build.DenseOfArray(aInvB[i]);
                u[i] = yA[i] / aDiag[i] - v.DotProduct(theta);
                var sv = inverse * v;
                pev[i] = 1 / aDiag[i] + v.DotProduct(sv);
                covMu[i] = -sv[0];
                traceA += pev[i];
            }
            var traceB = Enumerable.Range(1, b).Sum(j => inverse[j, j]);
            return new Solution(theta.ToArray(), u, inverse, pev, covMu, traceA, traceB);
        }
    }

    private static double Dot(IEnumerable<double> x, double[] y) => x.Select((v, i) => v * y[i]).Sum();

    private sealed record Solution(double[] Theta, double[] U, Matrix<double> Inverse, double[] PevA, double[] CovMuA, double TraceA, double TraceB);
}

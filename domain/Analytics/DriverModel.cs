using Microsoft.ML;
using Microsoft.ML.Data;
using QmInsights.Domain.Facts;

namespace QmInsights.Domain.Analytics;

/// <summary>A subgroup where the model's "done rather than not" for an item differs from the rest of the contacts:
/// a heterogeneity candidate for the regression to confirm or reject.</summary>
/// <param name="Contrast">The item's model effect within <paramref name="Level"/> minus its effect elsewhere, mean over
/// the folds (outcome units).</param>
public sealed record SubgroupCandidate(string ItemId, string Dimension, string Level, double Contrast, double[] Ci95);

/// <summary>One outcome's validated model, the heterogeneity candidates it found, and how many item-by-dimension
/// hypotheses it could have raised (the size of the family the confirmations are corrected for).</summary>
public sealed record ModelScreen(OutcomeModel Model, List<SubgroupCandidate> Candidates, int Hypotheses);

/// <summary>An ML.NET FastTree model per outcome from the item answers and the regression's controls (channel, queue,
/// team, evaluator, week, new hire, log tenure and the agent's leave-one-out mean QA: <see cref="ModelFeatures"/>),
/// never handle time itself (a mediator of what the agent did).
/// Validated by 5-fold cross-validation grouped by agent: each agent's contacts sit in one fold, so the model is always
/// judged on agents it never saw. Per fold: held-out skill, permutation importance of each item, the model's "done
/// rather than not" effect per item and per subgroup (channel, queue, tenure). Nothing is reported from a model whose
/// skill interval includes no skill, and no item whose importance interval includes zero.</summary>
public static class DriverModel
{
    public const int Folds = 5;
    /// <summary>Most contacts one model is fitted on: larger samples are drawn down uniformly (seeded), which keeps the
    /// five fits per outcome within the analysis's time budget.</summary>
    public const int MaxRows = 12_000;
    private const int Permutations = 3;
    /// <summary>Held-out answered contacts a subgroup (and the rest) needs in a fold before its effect is compared.</summary>
    private const int MinimumLevelRows = 30;

    private sealed class Example
    {
        public float Label { get; set; }
        public bool Positive { get; set; }
        public float Weight { get; set; }
        public float[] Features { get; set; } = [];
    }

    private sealed record FoldResult(double Skill, double[] Importance, double?[] Effect, Dictionary<(int Item, string Dimension, string Level), double> Contrast);

    public static ModelScreen? Train(IReadOnlyList<EvaluatedContact> sampleRows, Outcome outcome, IReadOnlyList<string> itemIds,
        DesignContext context, IReadOnlyList<Relationship> regression, InsightOptions options, int seed = 1)
    {
        var all = sampleRows.Where(r => outcome.Of(r) is not null).ToList();
        var random = new Random(seed);
        var rows = all.Count > MaxRows ? all.OrderBy(_ => random.Next()).Take(MaxRows).ToList() : all;
        var agents = rows.Select(r => r.AgentId).Distinct().Order(StringComparer.Ordinal).ToList();
        if (rows.Count < 200 || agents.Count < 2 * Folds) return null;
        // Agents dealt round-robin in a seeded order: folds of near-equal agent counts, every agent in exactly one.
        var foldOf = agents.OrderBy(_ => random.Next()).Select((a, i) => (a, i % Folds)).ToDictionary(p => p.a, p => p.Item2, StringComparer.Ordinal);

        var features = new ModelFeatures(rows, itemIds, context);
        var x = rows.Select(features.Encode).ToArray();
        var y = rows.Select(r => outcome.Of(r)!.Value).ToArray();
        // Sampling weights only: the model screens, and what it finds is confirmed by the regression, which also carries the
        // survey-response weights (their spread costs the trees more skill than it buys on CSAT and NPS).
        var w = rows.Select(context.Sample.Weight).ToArray();
        var levels = Heterogeneity.Dimensions.ToDictionary(d => d, d => rows.Select(r => Heterogeneity.Level(d, r, context)).ToArray());
        var ml = new MLContext(seed);
        var folds = Enumerable.Range(0, Folds).Select(k => Fold(ml, outcome, features, x, y, w, levels,
            rows.Select(r => foldOf[r.AgentId] == k).ToArray(), new Random(seed * 1_000 + k))).ToList();

        var binary = outcome == Outcome.Fcr;
        var (skill, skillCi) = ModelSkill.AcrossFolds(folds.Select(f => f.Skill).ToList());
        var validated = skillCi[0] > (binary ? 0.5 : 0);
        var metric = binary ? "auc" : "rSquared";
        var sampled = all.Count > rows.Count ? all.Count : (int?)null;
        var fitted = new List<ModelDriver>();
        var candidates = new List<SubgroupCandidate>();
        if (validated)
        {
            for (var j = 0; j < itemIds.Count; j++)
            {
                var (importance, importanceCi) = ModelSkill.AcrossFolds(folds.Select(f => f.Importance[j]).ToList());
                if (importanceCi[0] <= 0 || folds.Any(f => f.Effect[j] is null)) continue;
                var (effect, effectCi) = ModelSkill.AcrossFolds(folds.Select(f => f.Effect[j]!.Value).ToList());
                fitted.Add(new ModelDriver(itemIds[j], importance, importanceCi, effect, effectCi, Agreement(itemIds[j], effect, outcome, regression)));
            }
            candidates = Candidates(folds, itemIds, outcome, options);
        }
        fitted = fitted.OrderByDescending(d => d.Importance).ToList();
        var model = new OutcomeModel(outcome, rows.Count, sampled, agents.Count, Folds, metric, skill, skillCi, validated, fitted,
            Explain(outcome, rows.Count, sampled, agents.Count, skill, skillCi, validated, fitted, regression));
        return new ModelScreen(model, candidates, validated ? itemIds.Count * Heterogeneity.Dimensions.Count : 0);
    }

    private static FoldResult Fold(MLContext ml, Outcome outcome, ModelFeatures features, float[][] x, double[] y, double[] w,
        Dictionary<string, string[]> levels, bool[] heldOut, Random random)
    {
        var binary = outcome == Outcome.Fcr;
        var train = Enumerable.Range(0, x.Length).Where(i => !heldOut[i]).ToArray();
        var test = Enumerable.Range(0, x.Length).Where(i => heldOut[i]).ToArray();
        var schema = SchemaDefinition.Create(typeof(Example));
        schema[nameof(Example.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, features.Count);
        var model = (binary
            ? (IEstimator<ITransformer>)ml.BinaryClassification.Trainers.FastTree(nameof(Example.Positive), nameof(Example.Features),
                nameof(Example.Weight), numberOfLeaves: 16, numberOfTrees: 60, minimumExampleCountPerLeaf: 20)
            : ml.Regression.Trainers.FastTree(nameof(Example.Label), nameof(Example.Features), nameof(Example.Weight),
                numberOfLeaves: 16, numberOfTrees: 60, minimumExampleCountPerLeaf: 20))
            .Fit(ml.Data.LoadFromEnumerable(train.Select(i => new Example { Features = x[i], Label = (float)y[i], Positive = y[i] > 0.5, Weight = (float)w[i] }), schema));
        // Every variant of the held-out rows (as they are, each item's answers shuffled, each item set done and not
        // done) goes through the model in one pass: one data view per fold rather than one per variant.
        var xTest = test.Select(i => x[i]).ToArray();
        var variants = new List<float[][]> { xTest };
        var answered = new int[features.Items][];
        for (var j = 0; j < features.Items; j++)
        {
            for (var p = 0; p < Permutations; p++)
            {
                var shuffled = xTest.Select(f => f[j]).OrderBy(_ => random.Next()).ToArray();
                variants.Add(xTest.Select((f, i) => With(f, j, shuffled[i])).ToArray());
            }
            answered[j] = Enumerable.Range(0, xTest.Length).Where(i => xTest[i][j] >= 0).ToArray();
            variants.Add(answered[j].Select(i => With(xTest[i], j, 1)).ToArray());
            variants.Add(answered[j].Select(i => With(xTest[i], j, 0)).ToArray());
        }
        var scores = model.Transform(ml.Data.LoadFromEnumerable(variants.SelectMany(v => v).Select(f => new Example { Features = f }), schema))
            .GetColumn<float>(binary ? "Probability" : "Score").ToArray();
        var predicted = new List<float[]>();
        var at = 0;
        foreach (var v in variants)
        {
            predicted.Add(scores[at..(at + v.Length)]);
            at += v.Length;
        }

        var yTest = test.Select(i => y[i]).ToArray();
        var wTest = test.Select(i => w[i]).ToArray();
        double Skill(float[] prediction) => binary
            ? ModelSkill.Auc(yTest.Select(v => v > 0.5).ToArray(), prediction, wTest)
            : ModelSkill.RSquared(yTest, prediction, wTest);
        var baseline = Skill(predicted[0]);
        var importance = new double[features.Items];
        var effect = new double?[features.Items];
        var contrast = new Dictionary<(int, string, string), double>();
        for (var j = 0; j < features.Items; j++)
        {
            var first = 1 + j * (Permutations + 2);
            // Permutation importance: the fall in skill with the item's answers shuffled among the held-out contacts.
            importance[j] = Enumerable.Range(first, Permutations).Average(v => baseline - Skill(predicted[v]));
            // "Done rather than not" on the held-out contacts where the item was answered: each predicted both ways.
            if (answered[j].Length == 0) continue;
            var done = predicted[first + Permutations];
            var notDone = predicted[first + Permutations + 1];
            var difference = answered[j].Select((_, k) => (double)done[k] - notDone[k]).ToArray();
            var weight = answered[j].Select(i => wTest[i]).ToArray();
            effect[j] = Mean(difference, weight, _ => true);
            foreach (var (dimension, level) in levels)
            {
                var of = answered[j].Select(i => level[test[i]]).ToArray();
                foreach (var value in of.Distinct())
                {
                    var inside = of.Count(l => l == value);
                    if (inside < MinimumLevelRows || of.Length - inside < MinimumLevelRows) continue;
                    contrast[(j, dimension, value)] = Mean(difference, weight, k => of[k] == value) - Mean(difference, weight, k => of[k] != value);
                }
            }
        }
        return new FoldResult(baseline, importance, effect, contrast);
    }

    // Per item and dimension, the subgroup whose contrast is largest against its own spread, kept when it is present in
    // every fold, its interval excludes zero and it is at least the size that would matter to the outcome.
    private static List<SubgroupCandidate> Candidates(List<FoldResult> folds, IReadOnlyList<string> itemIds, Outcome outcome, InsightOptions options)
    {
        var minimum = outcome switch
        {
            Outcome.Csat => options.MinimumCsatEffect,
            Outcome.Nps => options.MinimumNpsEffect,
            Outcome.HandleSeconds => options.MinimumHandleSecondsCost,
            _ => MinimumFcrEffect,
        };
        var candidates = new List<SubgroupCandidate>();
        foreach (var group in folds[0].Contrast.Keys.GroupBy(k => (k.Item, k.Dimension)))
        {
            var best = group
                .Where(key => folds.All(f => f.Contrast.ContainsKey(key)))
                .Select(key => (key.Level, Fit: ModelSkill.AcrossFolds(folds.Select(f => f.Contrast[key]).ToList())))
                .Where(c => Math.Abs(c.Fit.Mean) >= minimum && (c.Fit.Ci95[0] > 0 || c.Fit.Ci95[1] < 0))
                .OrderByDescending(c => Math.Abs(c.Fit.Mean) / Math.Max(1e-12, c.Fit.Ci95[1] - c.Fit.Ci95[0]))
                .FirstOrDefault();
            if (best.Level is not null)
                candidates.Add(new SubgroupCandidate(itemIds[group.Key.Item], group.Key.Dimension, best.Level, best.Fit.Mean, best.Fit.Ci95));
        }
        return candidates;
    }

    /// <summary>Smallest model contrast in first-contact resolution (probability) worth sending to the regression.</summary>
    public const double MinimumFcrEffect = 0.03;

    private static float[] With(float[] features, int index, float value)
    {
        var copy = (float[])features.Clone();
        copy[index] = value;
        return copy;
    }

    private static double Mean(double[] values, double[] weights, Func<int, bool> include)
    {
        double sum = 0, total = 0;
        for (var k = 0; k < values.Length; k++)
            if (include(k))
            {
                sum += weights[k] * values[k];
                total += weights[k];
            }
        return total > 0 ? sum / total : 0;
    }

    // A validated driver should be one the regression found, pushing the same way; anything else is pointed out.
    private static string Agreement(string item, double effect, Outcome outcome, IReadOnlyList<Relationship> regression)
    {
        var found = regression.FirstOrDefault(r => r.Driver == item && r.Outcome == outcome && r.Level == DriverAnalysis.InteractionLevel);
        return found?.Verdict switch
        {
            "effect" when Math.Sign(effect) != Math.Sign(found.Effect!.Value) => "disagrees: the regression's effect has the opposite sign",
            "effect" => "agrees: the regression finds an effect of the same sign",
            "no effect found" => "disagrees: the model relies on it but the regression found no effect on average (look for a subgroup effect)",
            _ => "not tested by the regression (too few observations)",
        };
    }

    private static string Explain(Outcome outcome, int contacts, int? sampled, int agents, double skill, double[] ci, bool validated,
        List<ModelDriver> drivers, IReadOnlyList<Relationship> regression)
    {
        var metric = outcome == Outcome.Fcr ? "AUC" : "R²";
        var rows = sampled is { } all ? $"{contacts:N0} contacts sampled from {all:N0}" : $"{contacts:N0} contacts";
        var head = FormattableString.Invariant(
            $"FastTree model of {outcome.Name()} on {rows} of {agents} agents, {Folds}-fold cross-validation grouped by agent: held-out {metric} {skill:0.000} (95% CI {ci[0]:0.000} to {ci[1]:0.000}).");
        if (!validated)
            return head + FormattableString.Invariant($" The interval includes no skill ({(outcome == Outcome.Fcr ? "AUC 0.5" : "R² 0")}): no drivers and no subgroup effects are reported from it.");
        var unconfirmed = regression.Where(r => r.Outcome == outcome && r.Level == DriverAnalysis.InteractionLevel && r.Verdict == "effect"
                                                && r.Driver != "qaScore" && drivers.All(d => d.ItemId != r.Driver)).Select(r => r.Driver).ToList();
        return head + $" {drivers.Count} item(s) with importance above zero on held-out agents." +
               (unconfirmed.Count > 0 ? $" Regression effects the model does not rely on: {string.Join(", ", unconfirmed)}." : "");
    }
}

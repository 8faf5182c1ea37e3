using Microsoft.ML;
using Microsoft.ML.Data;

namespace QmInsights.Domain.Analytics;

/// <summary>A second opinion on the regression: an ML.NET FastTree model of each outcome from the item answers,
/// handle time and context, whose permutation feature importance ranks the drivers without assuming linear,
/// additive effects. Where the two disagree, the report says so.</summary>
public static class DriverModel
{
    private sealed class Example
    {
        public float Label { get; set; }
        public float[] Features { get; set; } = [];
    }

    private sealed class Contribution
    {
        public float[] Features { get; set; } = [];
        public float[] FeatureContributions { get; set; } = [];
    }

    /// <summary>Trains on 80% of the contacts and ranks features on the other 20%; null with too few contacts.</summary>
    public static OutcomeModel? Train(IReadOnlyList<EvaluatedContact> contacts, Outcome outcome, IReadOnlyList<string> itemIds,
        IReadOnlyList<Relationship> regression, int seed = 1)
    {
        var rows = contacts.Where(c => outcome.Of(c) is not null).ToList();
        if (rows.Count < 200) return null;
        var features = itemIds.Select(id => $"item:{id}").Concat(["channel:call", "channel:chat", "channel:email"])
            .Concat(outcome == Outcome.HandleSeconds ? [] : ["handleSeconds"]).ToList();
        var examples = rows.Select(r => new Example { Label = (float)outcome.Of(r)!.Value, Features = Encode(r, itemIds, outcome) }).ToList();

        var ml = new MLContext(seed);
        var schema = SchemaDefinition.Create(typeof(Example));
        schema[nameof(Example.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, features.Count);
        var data = ml.Data.LoadFromEnumerable(examples, schema);
        var split = ml.Data.TrainTestSplit(data, testFraction: 0.2, seed: seed);
        var trainer = ml.Regression.Trainers.FastTree(labelColumnName: nameof(Example.Label), featureColumnName: nameof(Example.Features),
            numberOfLeaves: 16, numberOfTrees: 60, minimumExampleCountPerLeaf: 20);
        var model = trainer.Fit(split.TrainSet);
        var heldOut = ml.Regression.Evaluate(model.Transform(split.TestSet), labelColumnName: nameof(Example.Label));
        var importance = ml.Regression.PermutationFeatureImportance(model, split.TestSet, labelColumnName: nameof(Example.Label),
            permutationCount: 3);

        // Per-contact contributions in outcome units (not normalised): for a yes/no item on a contact answered yes, the
        // score minus the score the trees give when each split on the item goes the other way, i.e. the model's own
        // "done rather than not" effect, comparable in sign and size with the regression's.
        var contributions = ml.Transforms.CalculateFeatureContribution(model, numberOfPositiveContributions: features.Count,
                numberOfNegativeContributions: features.Count, normalize: false)
            .Fit(split.TestSet).Transform(split.TestSet);
        var heldOutRows = ml.Data.CreateEnumerable<Contribution>(contributions, reuseRowObject: false).ToList();

        var ranked = features.Select((name, i) => (Name: name, Index: i, Rise: importance[i].RootMeanSquaredError.Mean,
                Error: importance[i].RootMeanSquaredError.StandardError))
            .OrderByDescending(f => f.Rise).ToList();
        var top = Math.Max(1e-12, ranked[0].Rise);
        var drivers = ranked.Select(f =>
        {
            var mean = heldOutRows.Average(r => (double)r.FeatureContributions[f.Index]);
            var yes = heldOutRows.Where(r => r.Features[f.Index] == 1).ToList();
            double? whenYes = f.Name.StartsWith("item:", StringComparison.Ordinal) && yes.Count > 0
                ? yes.Average(r => (double)r.FeatureContributions[f.Index]) : null;
            return new ModelDriver(f.Name, f.Rise, f.Error, Agreement(f.Name, f.Rise / top, whenYes, outcome, regression), mean, whenYes);
        }).ToList();
        return new OutcomeModel(outcome, rows.Count - heldOutRows.Count, heldOutRows.Count, heldOut.RSquared, drivers);
    }

    private static float[] Encode(EvaluatedContact c, IReadOnlyList<string> itemIds, Outcome outcome)
    {
        var values = new List<float>(itemIds.Count + 4);
        foreach (var id in itemIds)
        {
            var answer = c.Answers.FirstOrDefault(a => a.ItemId == id);
            // Trees split on thresholds: yes 1, no 0, not applicable or missing -1.
            values.Add(answer.ItemId is null ? -1 : answer.Answer switch
            {
                Facts.ItemAnswer.Yes => 1,
                Facts.ItemAnswer.No => 0,
                _ => -1,
            });
        }
        values.Add(c.Channel == Facts.Channel.Call ? 1 : 0);
        values.Add(c.Channel == Facts.Channel.Chat ? 1 : 0);
        values.Add(c.Channel == Facts.Channel.Email ? 1 : 0);
        if (outcome != Outcome.HandleSeconds) values.Add((float)c.HandleSeconds);
        return values.ToArray();
    }

    // A driver the model leans on (at least a fifth of the top driver's importance) should be one the regression
    // found, pushing the same way, and the other way round; anything else is pointed out.
    private static string Agreement(string feature, double relative, double? contributionWhenYes, Outcome outcome,
        IReadOnlyList<Relationship> regression)
    {
        if (!feature.StartsWith("item:", StringComparison.Ordinal)) return "context";
        var item = feature["item:".Length..];
        var found = regression.FirstOrDefault(r => r.Driver == item && r.Outcome == outcome && r.Level == DriverAnalysis.InteractionLevel);
        var used = relative >= 0.2;
        var opposite = found?.Effect is { } effect && contributionWhenYes is { } c && c != 0 && Math.Sign(c) != Math.Sign(effect);
        return (used, found?.Verdict) switch
        {
            (true, "effect") when opposite => "disagrees: both rely on it but the model's contribution and the regression's effect have opposite signs",
            (true, "effect") => "agrees: an important driver with a significant effect of the same sign",
            (false, "no effect found") => "agrees: little importance and no effect found",
            (true, "no effect found") => "disagrees: the model leans on it but the regression found no effect",
            (false, "effect") => "disagrees: significant in the regression but the model hardly uses it",
            _ => "not tested by the regression (too few observations)",
        };
    }
}

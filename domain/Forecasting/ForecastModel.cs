using Microsoft.ML;
using Microsoft.ML.Data;

namespace QmInsights.Domain.Forecasting;

/// <summary>Two ML.NET FastTree regressions over <see cref="ForecastFeatures"/>: one for volume, one for mean handle
/// time. Volume is fitted as the difference from <see cref="ForecastFeatures.VolumeReference"/>, the mean of the same local
/// time over up to eight weeks (a strong baseline the trees only correct, for calendar effects, peaks and level changes); handle time as the ratio to the level of the week ending a
/// week before it, so a level never seen in training is still reachable. Least squares keeps both unbiased.
/// Handle-time rows are weighted by their contacts: a mean of 100 calls says more than a mean of two. The trees fit
/// the ratio minus one, so a model that finds nothing to split on (a short daily history) predicts the reference itself.</summary>
internal sealed class ForecastModel
{
    private sealed class Example
    {
        public float Label { get; set; }
        public float Weight { get; set; }
        public float[] Features { get; set; } = [];
    }

    private readonly MLContext ml;
    private readonly SchemaDefinition schema;
    private readonly ITransformer volumeModel;
    private readonly ITransformer handleModel;

    private ForecastModel(MLContext ml, SchemaDefinition schema, ITransformer volumeModel, ITransformer handleModel)
    {
        this.ml = ml;
        this.schema = schema;
        this.volumeModel = volumeModel;
        this.handleModel = handleModel;
    }

    /// <summary>Trains on the history intervals [first usable, <paramref name="end"/>).</summary>
    public static ForecastModel Train(ForecastFeatures features, TallySeries history, int end, ForecastSettings settings)
    {
        var ml = new MLContext(settings.Seed);
        var schema = SchemaDefinition.Create(typeof(Example));
        schema[nameof(Example.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, ForecastFeatures.Names.Length);
        var first = features.FirstUsable;
        var volumeRows = new List<Example>(end - first);
        var handleRows = new List<Example>(end - first);
        for (var i = first; i < end; i++)
        {
            var row = features.Row(i);
            volumeRows.Add(new Example { Label = (float)(history.Counts[i] - features.VolumeReference(i)), Weight = 1, Features = row });
            if (history.MeanHandle(i) is { } handle)
                handleRows.Add(new Example { Label = (float)(handle / features.HandleReference(i) - 1), Weight = history.Handled[i], Features = row });
        }
        if (handleRows.Count == 0) throw new InsufficientHistoryException("the history holds no contacts to learn handle time from");
        // Volume leaves hold four times as many intervals: corrections to a strong baseline must be broad, or the trees
        // refit the Poisson noise the four-week mean already averages away.
        return new ForecastModel(ml, schema, Fit(ml, schema, volumeRows, settings, 4), Fit(ml, schema, handleRows, settings, 1));
    }

    /// <summary>Predicts intervals [<paramref name="from"/>, <paramref name="to"/>), history or future alike.</summary>
    public (double Volume, double Handle)[] Predict(ForecastFeatures features, int from, int to)
    {
        var rows = Enumerable.Range(from, to - from).Select(i => new Example { Features = features.Row(i) }).ToList();
        var data = ml.Data.LoadFromEnumerable(rows, schema);
        var volume = volumeModel.Transform(data).GetColumn<float>("Score").ToArray();
        var handle = handleModel.Transform(data).GetColumn<float>("Score").ToArray();
        var result = new (double, double)[rows.Count];
        for (var k = 0; k < rows.Count; k++)
        {
            var i = from + k;
            var reference = features.VolumeReference(i);
            // Closed at this local time in each of the last four weeks: closed again, whatever small correction a tree adds.
            result[k] = (features.ClosedLately(i) ? 0 : Math.Max(0, reference + volume[k]),
                // A ratio under a fifth of the reference is a broken tree, not a contact: keep the prediction sane.
                Math.Max(0.2, 1 + handle[k]) * features.HandleReference(i));
        }
        return result;
    }

    private static ITransformer Fit(MLContext ml, SchemaDefinition schema, List<Example> rows, ForecastSettings settings, int leafScale)
    {
        // A daily history of a few months has tens of rows: leaves must stay small enough for a split to exist.
        var perLeaf = Math.Max(2, Math.Min(settings.MinimumPerLeaf * leafScale, rows.Count / 8));
        var data = ml.Data.LoadFromEnumerable(rows, schema);
        var trainer = ml.Regression.Trainers.FastTree(labelColumnName: nameof(Example.Label),
            featureColumnName: nameof(Example.Features), exampleWeightColumnName: nameof(Example.Weight),
            numberOfLeaves: settings.Leaves, numberOfTrees: settings.Trees, minimumExampleCountPerLeaf: perLeaf,
            learningRate: settings.LearningRate);
        return trainer.Fit(data);
    }
}

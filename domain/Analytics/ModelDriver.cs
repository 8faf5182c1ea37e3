namespace QmInsights.Domain.Analytics;

/// <summary>How much a gradient-boosted model of an outcome relies on one feature (permutation importance: the rise in
/// prediction error, RMSE in outcome units, on held-out contacts when that feature's values are shuffled) and which
/// way it pushes the predictions (per-feature contributions).</summary>
/// <param name="Agreement">How this ranking and the contribution's sign compare with the regression's verdict on the
/// same driver.</param>
/// <param name="MeanContribution">Mean signed contribution of the feature to the held-out predictions (ML.NET feature
/// contribution calculation, outcome units).</param>
/// <param name="ContributionWhenYes">Items only: the mean contribution on held-out contacts where the item was done,
/// the model's own "done rather than not" effect beside the regression's.</param>
[GenerateSerializer, Alias("qm.ModelDriver")]
public sealed record ModelDriver(string Feature, double Importance, double ImportanceStdErr, string Agreement,
    double MeanContribution, double? ContributionWhenYes);

/// <summary>An ML.NET FastTree model of one outcome from the item answers and context, with its drivers ranked.</summary>
[GenerateSerializer, Alias("qm.OutcomeModel")]
public sealed record OutcomeModel(Outcome Outcome, int TrainingContacts, int HeldOutContacts, double HeldOutRSquared, List<ModelDriver> Drivers);

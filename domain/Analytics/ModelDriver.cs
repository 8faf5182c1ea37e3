namespace QmInsights.Domain.Analytics;

/// <summary>How much a gradient-boosted model of an outcome relies on one feature: the rise in prediction error
/// (RMSE, outcome units) on held-out contacts when that feature's values are shuffled.</summary>
/// <param name="Agreement">How this ranking compares with the regression's verdict on the same driver.</param>
[GenerateSerializer, Alias("qm.ModelDriver")]
public sealed record ModelDriver(string Feature, double Importance, double ImportanceStdErr, string Agreement);

/// <summary>An ML.NET FastTree model of one outcome from the item answers and context, with its drivers ranked.</summary>
[GenerateSerializer, Alias("qm.OutcomeModel")]
public sealed record OutcomeModel(Outcome Outcome, int TrainingContacts, int HeldOutContacts, double HeldOutRSquared, List<ModelDriver> Drivers);

namespace QmInsights.Domain.Analytics;

/// <summary>A scorecard item a gradient-boosted model of an outcome relies on, validated on agents it never saw.</summary>
/// <param name="Importance">Permutation importance: how much held-out skill (R², or AUC for FCR) falls when the item's
/// answers are shuffled among the held-out contacts, mean over the folds.</param>
/// <param name="ImportanceCi95">95% interval of <paramref name="Importance"/> across the folds (Student t on folds - 1
/// degrees of freedom); an item is reported only when it lies above zero.</param>
/// <param name="Effect">The model's "done rather than not": the mean, over held-out contacts where the item was answered,
/// of the prediction with the item done minus the prediction with it not done (outcome units; FCR in probability).</param>
/// <param name="EffectCi95">95% interval of <paramref name="Effect"/> across the folds.</param>
/// <param name="Agreement">How the model's effect compares with the regression's verdict on the same item.</param>
[GenerateSerializer, Alias("qm.ModelDriver")]
public sealed record ModelDriver(string ItemId, double Importance, double[] ImportanceCi95, double Effect, double[] EffectCi95, string Agreement);

/// <summary>An ML.NET FastTree model of one outcome from the item answers and the regression's controls, validated by
/// cross-validation grouped by agent, with the items it relies on.</summary>
/// <param name="Contacts">Contacts the model was fitted and validated on.</param>
/// <param name="SampledFrom">When the inference sample was larger than <see cref="DriverModel.MaxRows"/>: how many
/// contacts the model's rows were drawn from (a seeded uniform sample); null when every contact was used.</param>
/// <param name="Agents">Agents over the folds; each agent's contacts are all in one fold.</param>
/// <param name="Metric">"rSquared" (CSAT, NPS, handle time) or "auc" (FCR), on held-out agents.</param>
/// <param name="Skill">Mean of <paramref name="Metric"/> over the folds.</param>
/// <param name="SkillCi95">95% interval across the folds (Student t on folds - 1 degrees of freedom).</param>
/// <param name="Validated">The interval lies above no skill (R² 0, AUC 0.5). An unvalidated model reports no drivers
/// and no heterogeneity.</param>
[GenerateSerializer, Alias("qm.OutcomeModel")]
public sealed record OutcomeModel(Outcome Outcome, int Contacts, int? SampledFrom, int Agents, int Folds, string Metric, double Skill,
    double[] SkillCi95, bool Validated, List<ModelDriver> Drivers, string Explanation);

namespace QmInsights.Domain.Analytics;

/// <summary>The result of one analysis run: every relationship tested (effects and "no effect found" alike) and the
/// conflicts among them, with the rules the run followed.</summary>
/// <param name="Selection">How many regular evaluations came from random, targeted and disputed picks, and which the
/// inference used.</param>
/// <param name="Causation">What the findings can and cannot say about cause.</param>
/// <param name="SurveyResponse">Who answered the survey and the response weights CSAT and NPS analyses carry; null when
/// the weighting is off or there were too few answers (or non-answers) to model.</param>
[GenerateSerializer, Alias("qm.InsightReport")]
public sealed record InsightReport(
    InsightOptions Options,
    int EvaluatedContacts,
    int SurveyedContacts,
    List<Relationship> Relationships,
    List<MetricConflict> Conflicts,
    List<OutcomeModel> Models,
    SelectionCounts Selection,
    string Causation,
    SurveyResponseSummary? SurveyResponse);

namespace QmInsights.Domain.Analytics;

/// <summary>How one driver (the QA score, a scorecard item answered yes rather than no, or handle time) relates to an
/// outcome after controlling for channel, queue, team and tenure.</summary>
/// <param name="Driver">"qaScore" (per 10 points), "handleMinutes" (per minute), or a scorecard item id.</param>
/// <param name="Effect">Change in the outcome, in the outcome's own units.</param>
/// <param name="N">Contacts in the model.</param>
/// <param name="PAdjusted">Benjamini-Hochberg adjusted over every test of the run.</param>
/// <param name="Level">"interaction" (contact by contact) or "agentWeek" (an agent's weekly mean QA score against the
/// week's mean outcomes: CSAT mean 1-5, NPS -100..100, mean handle seconds, FCR rate).</param>
/// <param name="Attenuation">Items, when evaluators' reliability is known from calibration: the factor lambda by which
/// misrecorded answers shrink the effect; <paramref name="Effect"/> and <paramref name="Ci95"/> are then the item being
/// done, corrected (divided by lambda, widened for its uncertainty). Null: the effect of the recorded answer.</param>
/// <param name="Verdict">"effect" when the adjusted p-value is below the run's level, "no effect found", or "too few observations".</param>
[GenerateSerializer, Alias("qm.Relationship")]
public sealed record Relationship(
    string Driver,
    Outcome Outcome,
    double? Effect,
    double[]? Ci95,
    int N,
    int? NYes,
    int? NNo,
    double? P,
    double? PAdjusted,
    string Verdict,
    string Explanation,
    string Level = DriverAnalysis.InteractionLevel,
    double? Attenuation = null);

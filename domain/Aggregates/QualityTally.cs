namespace QmInsights.Domain.Aggregates;

/// <summary>Additive quality, survey and handling counts for one bucket (a day and channel of an agent or team).
/// Every field is a sum, so tallies merge by addition and a retracted contribution subtracts exactly.</summary>
[GenerateSerializer, Alias("qm.QualityTally")]
public sealed class QualityTally : IAdditive<QualityTally>
{
    /// <summary>Regular evaluations that have a score; the QA score is their mean.</summary>
    [Id(0)] public ScoreMoments Regular;
    /// <summary>Regular evaluations with nothing possible (every item N/A and excluded).</summary>
    [Id(1)] public long RegularUnscored;
    [Id(2)] public long RegularAtTarget;
    /// <summary>Sum of the targets of the scored regular evaluations, so a mean target can be shown.</summary>
    [Id(3)] public double RegularTargetSum;
    [Id(4)] public ScoreMoments Calibration;
    [Id(5)] public long CalibrationUnscored;
    [Id(6)] public ScoreMoments Self;
    [Id(7)] public long SelfUnscored;
    [Id(8)] public long Interactions;
    [Id(9)] public ScoreMoments HandleSeconds;
    [Id(10)] public long FcrKnown;
    [Id(11)] public long FcrResolved;
    [Id(12)] public long Surveys;
    [Id(13)] public ScoreMoments Csat;
    [Id(14)] public long CsatSatisfied;
    [Id(15)] public long NpsResponses;
    [Id(16)] public long NpsPromoters;
    [Id(17)] public long NpsDetractors;

    public void Add(QualityTally other, int sign)
    {
        Regular.Add(other.Regular, sign);
        RegularUnscored += sign * other.RegularUnscored;
        RegularAtTarget += sign * other.RegularAtTarget;
        RegularTargetSum += sign * other.RegularTargetSum;
        Calibration.Add(other.Calibration, sign);
        CalibrationUnscored += sign * other.CalibrationUnscored;
        Self.Add(other.Self, sign);
        SelfUnscored += sign * other.SelfUnscored;
        Interactions += sign * other.Interactions;
        HandleSeconds.Add(other.HandleSeconds, sign);
        FcrKnown += sign * other.FcrKnown;
        FcrResolved += sign * other.FcrResolved;
        Surveys += sign * other.Surveys;
        Csat.Add(other.Csat, sign);
        CsatSatisfied += sign * other.CsatSatisfied;
        NpsResponses += sign * other.NpsResponses;
        NpsPromoters += sign * other.NpsPromoters;
        NpsDetractors += sign * other.NpsDetractors;
    }

    /// <summary>True when every field is zero. Sums count too: a change that retracts one score and adds another on
    /// the same day has zero counts but still moves the mean.</summary>
    public bool IsEmpty =>
        Regular.IsZero && RegularUnscored == 0 && RegularAtTarget == 0 && RegularTargetSum == 0
        && Calibration.IsZero && CalibrationUnscored == 0 && Self.IsZero && SelfUnscored == 0
        && Interactions == 0 && HandleSeconds.IsZero && FcrKnown == 0 && FcrResolved == 0
        && Surveys == 0 && Csat.IsZero && CsatSatisfied == 0
        && NpsResponses == 0 && NpsPromoters == 0 && NpsDetractors == 0;
}

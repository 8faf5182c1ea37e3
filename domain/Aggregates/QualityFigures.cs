using System.Text.Json.Serialization;

namespace QmInsights.Domain.Aggregates;

/// <summary>The figures a manager reads for one agent or team over a range or period. Rates are null when there is
/// no data behind them (no surveys means no CSAT, not a CSAT of 0).</summary>
[GenerateSerializer, Alias("qm.QualityFigures")]
public sealed record QualityFigures
{
    /// <summary>Name of the trend period (2026-W05, 2026-01); absent on totals.</summary>
    [Id(0), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Period { get; init; }
    [Id(1), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public DateOnly? From { get; init; }
    [Id(2), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public DateOnly? To { get; init; }
    /// <summary>Regular evaluations with a score.</summary>
    [Id(3)] public long Evaluations { get; init; }
    /// <summary>Mean score of the regular evaluations, percent.</summary>
    [Id(4)] public double? QaScore { get; init; }
    /// <summary>95% Student-t interval of the mean QA score, clamped to 0-100.</summary>
    [Id(5)] public double[]? QaScoreCi95 { get; init; }
    [Id(6)] public double? QaScoreStdDev { get; init; }
    /// <summary>Evaluations needed for a ±5-point 95% margin on the QA score, at the spread seen so far.</summary>
    [Id(26)] public int? EvaluationsForMargin5 { get; init; }
    /// <summary>Share (0..1) of scored regular evaluations at or above their scorecard's target.</summary>
    [Id(7)] public double? AtTargetShare { get; init; }
    /// <summary>Mean target of the scorecards behind the scores (the target itself when there is one scorecard).</summary>
    [Id(8)] public double? TargetPercent { get; init; }
    /// <summary>Regular evaluations without a score (every item N/A and excluded).</summary>
    [Id(9)] public long UnscoredEvaluations { get; init; }
    [Id(10)] public long CalibrationEvaluations { get; init; }
    [Id(11)] public double? CalibrationQaScore { get; init; }
    [Id(12)] public long SelfEvaluations { get; init; }
    [Id(13)] public double? SelfQaScore { get; init; }
    /// <summary>Percent of CSAT answers that are 4 or 5.</summary>
    [Id(14)] public double? Csat { get; init; }
    [Id(15)] public double? CsatMean { get; init; }
    [Id(16)] public long CsatResponses { get; init; }
    /// <summary>Percent promoters minus percent detractors, -100..100.</summary>
    [Id(17)] public double? Nps { get; init; }
    [Id(18)] public long NpsResponses { get; init; }
    [Id(19)] public double? AhtSeconds { get; init; }
    /// <summary>Share (0..1) of contacts with a known outcome that were resolved at first contact.</summary>
    [Id(20)] public double? FcrRate { get; init; }
    [Id(21)] public long Interactions { get; init; }
    [Id(22)] public long Surveys { get; init; }
    /// <summary>The same figures by channel (call, email, chat; "unknown" for evaluations whose contact has not arrived).</summary>
    [Id(23), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public Dictionary<string, QualityFigures>? ByChannel { get; init; }
    [Id(24), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? TrendPeriod { get; init; }
    [Id(25), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public List<QualityFigures>? Trend { get; init; }
}

namespace QmInsights.Domain.Facts;

/// <summary>Why an evaluation was made; only regular evaluations count in an agent's QA score.</summary>
[GenerateSerializer, Alias("qm.EvaluationKind")]
public enum EvaluationKind
{
    Regular = 0,
    Calibration = 1,
    Self = 2,
}

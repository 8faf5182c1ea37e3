using QmInsights.Reports.Layout;

namespace QmInsights.Reports.Pack.Sections;

/// <summary>Are evaluators scoring alike: calibration evaluations of the month and each evaluator's leniency.</summary>
public sealed class CalibrationSection : IPackSection
{
    public IEnumerable<Block> Build(MonthlyPackData data)
    {
        if (data.Calibration is not { } health || health.CalibrationEvaluations == 0 && health.Evaluators.Count == 0) yield break;
        yield return new Heading("Calibration health");
        if (health.CalibrationEvaluations > 0)
            yield return new Paragraph($"{Format.Count(health.CalibrationEvaluations)} calibration evaluations this month (mean score {Format.Number(health.CalibrationQaScore)}, against {Format.Number(data.Current.QaScore)} in everyday evaluations; they never count in agents' scores).");
        if (health.Evaluators.Count == 0) yield break;
        var flagged = health.Evaluators.Count(e => e.Verdict != "in line");
        yield return new Paragraph($"Evaluator leniency: QA points each evaluator gives above or below the average evaluator on the same agents. {flagged} of {health.Evaluators.Count} evaluators differ significantly.");
        yield return new Table(
            [new("Evaluator", 1.5f), new("Evaluations", 1, true), new("Difference", 1, true), new("95% CI", 1.6f, true), new("Verdict", 1.4f)],
            health.Evaluators.OrderByDescending(e => Math.Abs(e.Difference)).Select(e => (IReadOnlyList<TableCell>)
            [
                e.EvaluatorId, Format.Count(e.Evaluations), Format.Signed(e.Difference),
                $"{Format.Signed(e.Ci95[0])} to {Format.Signed(e.Ci95[1])}", new TableCell(e.Verdict, e.Verdict == "in line" ? Tone.Neutral : Tone.Bad),
            ]).ToList());
    }
}

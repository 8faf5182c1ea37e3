using QmInsights.Reports.Layout;

namespace QmInsights.Reports.Pack.Sections;

/// <summary>Are evaluators scoring alike: calibration evaluations of the month and each evaluator's leniency over the
/// months up to it.</summary>
public sealed class CalibrationSection : IPackSection
{
    public IEnumerable<Block> Build(MonthlyPackData data)
    {
        if (data.Calibration is not { } health || health.CalibrationEvaluations == 0 && health.Sessions.Count == 0 && health.Evaluators.Count == 0) yield break;
        yield return new Heading("Calibration health");
        if (health.Sessions.Count > 0)
        {
            yield return new Paragraph($"{health.Sessions.Count} calibration sessions closed this month. Krippendorff's alpha: 1 is perfect agreement, below 0.667 too weak to rely on; the scores' alpha carries its 95% interval (resampling the session's contacts).");
            yield return new Table(
                [new("Session", 1.6f), new("Closed", 1), new("Contacts", 0.9f, true), new("Evaluators", 1, true), new("Agreement", 1, true),
                    new("Alpha (items)", 1, true), new("Alpha (scores)", 1.6f, true), new("Least agreed item", 1)],
                health.Sessions.Select(s => (IReadOnlyList<TableCell>)
                [
                    s.SessionId, s.ClosedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), Format.Count(s.Interactions),
                    Format.Count(s.Evaluators), Format.Percent(s.PercentAgreement * 100), Alpha(s.AlphaNominal), Alpha(s.AlphaInterval, s.AlphaIntervalCi95), s.PoorestItem ?? Format.None,
                ]).ToList());
        }
        if (health.CalibrationEvaluations > 0)
            yield return new Paragraph($"{Format.Count(health.CalibrationEvaluations)} calibration evaluations this month (mean score {Format.Number(health.CalibrationQaScore)}, against {Format.Number(data.Current.QaScore)} in everyday evaluations; they never count in agents' scores).");
        if (health.Evaluators.Count == 0) yield break;
        var flagged = health.Evaluators.Count(e => e.Verdict != "in line");
        var period = health.LeniencyFrom is { } first && first != data.Month ? $" over {first} to {data.Month}" : " this month";
        yield return new Paragraph($"Evaluator leniency{period}: QA points each evaluator gives above or below the average evaluator on the same agents, with 95% intervals that hold for all evaluators at once. {flagged} of {health.Evaluators.Count} evaluators differ significantly.");
        yield return new Table(
            [new("Evaluator", 1.5f), new("Evaluations", 1, true), new("Difference", 1, true), new("95% CI", 1.6f, true), new("Verdict", 1.4f)],
            health.Evaluators.OrderByDescending(e => Math.Abs(e.Difference)).Select(e => (IReadOnlyList<TableCell>)
            [
                e.EvaluatorId, Format.Count(e.Evaluations), Format.Signed(e.Difference),
                $"{Format.Signed(e.Ci95[0])} to {Format.Signed(e.Ci95[1])}", new TableCell(e.Verdict, e.Verdict == "in line" ? Tone.Neutral : Tone.Bad),
            ]).ToList());
    }

    private static TableCell Alpha(double? alpha, double[]? ci = null) =>
        new(ci is [var low, var high] ? $"{Format.Number(alpha, 2)} ({Format.Number(low, 2)}-{Format.Number(high, 2)})" : Format.Number(alpha, 2),
            alpha is { } a ? a >= 0.8 ? Tone.Good : a < 0.667 ? Tone.Bad : Tone.Neutral : Tone.Neutral);
}

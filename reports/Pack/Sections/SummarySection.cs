using QmInsights.Reports.Layout;

namespace QmInsights.Reports.Pack.Sections;

/// <summary>Executive summary: the month's KPI tiles with their change against the previous month.</summary>
public sealed class SummarySection : IPackSection
{
    public IEnumerable<Block> Build(MonthlyPackData data)
    {
        var k = data.Current;
        var p = data.Previous;
        var before = p is null ? "" : " vs " + Format.ShortMonth(PreviousMonth(data.Month));
        yield return new Heading("Executive summary");
        var qaTone = k.QaScoreCi95 is { } ci && k.TargetPercent is { } target ? ci[0] >= target ? Tone.Good : ci[1] < target ? Tone.Bad : Tone.Neutral : Tone.Neutral;
        var ciText = k.QaScoreCi95 is { } c ? $"95% CI {Format.Number(c[0])}–{Format.Number(c[1])}" : "no interval";
        yield return new KpiTiles(
        [
            new("QA score", Format.Number(k.QaScore), $"{ciText} · target {Format.Number(k.TargetPercent, 0)} · {Change(k.QaScore, p?.QaScore)}{before}", qaTone),
            new("CSAT (4-5 of 5)", Format.Percent(k.Csat), $"{Format.Count(k.CsatResponses)} answers · {Change(k.Csat, p?.Csat)} pts{before}"),
            new("NPS", Format.Signed(k.Nps, 0), $"{Format.Count(k.NpsResponses)} answers · {Change(k.Nps, p?.Nps, 0)}{before}"),
            new("Average handle time", Format.Duration(k.AhtSeconds), $"{Format.Count(k.Interactions)} contacts · {Change(k.AhtSeconds, p?.AhtSeconds, 0)} s{before}"),
            new("First-contact resolution", Format.Share(k.FcrRate), $"{Change(k.FcrRate * 100, p?.FcrRate * 100)} pts{before}"),
            new("Evaluations done / quota", k.Quota is { } quota ? $"{Format.Count(k.Evaluations)} / {Format.Count(quota)}" : Format.Count(k.Evaluations),
                k.Quota is { } q && q > 0 ? $"{Format.Percent(100.0 * k.Evaluations / q)} of the cadence policy's quota ({k.Agents} agents) · {Change(k.Evaluations, p?.Evaluations, 0)}{before}"
                    : $"{Change(k.Evaluations, p?.Evaluations, 0)}{before}",
                k.Quota is { } qq && qq > 0 ? k.Evaluations >= qq ? Tone.Good : Tone.Bad : Tone.Neutral),
        ]);
        yield return new Paragraph(Sentence(data));
    }

    private static string Change(double? now, double? before, int decimals = 1) =>
        now is { } a && before is { } b ? Format.Signed(a - b, decimals) : "no change figure";

    private static string Sentence(MonthlyPackData data)
    {
        var k = data.Current;
        var parts = new List<string>();
        if (k.QaScore is { } qa && k.TargetPercent is { } target)
            parts.Add(k.QaScoreCi95 is { } ci && ci[0] >= target ? $"QA is above its target of {target:F0} with 95% confidence."
                : k.QaScoreCi95 is { } c && c[1] < target ? $"QA is below its target of {target:F0}: even the top of the 95% interval ({c[1]:F1}) misses it."
                : $"QA ({qa:F1}) cannot be told apart from its target of {target:F0} at 95% confidence.");
        if (k.AtTargetShare is { } share) parts.Add($"{share * 100:F0}% of evaluations reached the target.");
        return string.Join(" ", parts);
    }

    internal static string PreviousMonth(string month) =>
        DateOnly.ParseExact(month + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture).AddMonths(-1).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
}

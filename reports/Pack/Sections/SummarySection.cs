using QmInsights.Reports.Layout;

namespace QmInsights.Reports.Pack.Sections;

/// <summary>Executive summary, on page one under the cover band: the three to five things that changed or need a
/// decision (<see cref="ExecutiveHighlights"/>), the month's KPI tiles with their change against the previous month;
/// the detail starts on page two.</summary>
public sealed class SummarySection : IPackSection
{
    public IEnumerable<Block> Build(MonthlyPackData data)
    {
        var k = data.Current;
        var p = data.Previous;
        var before = p is null ? "" : " vs " + Format.ShortMonth(PreviousMonth(data.Month));
        yield return new Heading("Executive summary");
        foreach (var highlight in ExecutiveHighlights.Of(data))
            yield return new Paragraph("•  " + highlight, TextStyle.Body with { Size = 10.5f }, Indent: 6);
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
        if (data.Current.AtTargetShare is { } share) yield return new Paragraph($"{share * 100:F0}% of evaluations reached the target.");
        yield return new PageBreak();
    }

    private static string Change(double? now, double? before, int decimals = 1) =>
        now is { } a && before is { } b ? Format.Signed(a - b, decimals) : "no change figure";

    internal static string PreviousMonth(string month) =>
        DateOnly.ParseExact(month + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture).AddMonths(-1).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
}

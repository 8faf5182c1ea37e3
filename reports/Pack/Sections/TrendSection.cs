using QmInsights.Reports.Layout;
using ScottPlot;

namespace QmInsights.Reports.Pack.Sections;

/// <summary>Twelve months: QA and CSAT (percent, left axis) against NPS (right axis), and handle time.</summary>
public sealed class TrendSection : IPackSection
{
    public IEnumerable<Block> Build(MonthlyPackData data)
    {
        // From the first month with data: a centre with six months of history gets six, not six empty ones first.
        var points = data.Trend.SkipWhile(p => p.QaScore is null && p.Csat is null && p.AhtSeconds is null).ToList();
        if (points.Count(p => p.QaScore is not null || p.Csat is not null) < 2) yield break;
        var labels = points.Select(p => Format.ShortMonth(p.Month)).ToArray();
        yield return new Heading(points.Count == 12 ? "12-month trends" : $"Trends over {points.Count} months");
        yield return new Paragraph("QA score and CSAT (share of 4-5 answers) on the left axis, NPS on the right axis. Months without data are gaps.");
        yield return new Chart(plot =>
        {
            Line(plot, points.Select(p => p.QaScore).ToArray(), "QA score", ChartStyle.Qa, null);
            Line(plot, points.Select(p => p.Csat).ToArray(), "CSAT %", ChartStyle.Csat, null);
            Line(plot, points.Select(p => p.Nps).ToArray(), "NPS (right axis)", ChartStyle.Nps, plot.Axes.Right);
            plot.Axes.Left.Label.Text = "QA score, CSAT %";
            plot.Axes.Right.Label.Text = "NPS";
            MonthTicks(plot, labels);
            plot.ShowLegend(Edge.Bottom);
        });
        if (points.Any(p => p.AhtSeconds is not null))
            yield return new Chart(plot =>
            {
                var bars = plot.Add.Bars(points.Select(p => (p.AhtSeconds ?? 0) / 60).ToArray());
                bars.Color = ChartStyle.Aht;
                plot.Axes.Margins(bottom: 0);
                plot.Axes.Left.Label.Text = "Handle time, min";
                MonthTicks(plot, labels);
            }, 170f);
    }

    private static void Line(Plot plot, double?[] values, string legend, Color color, IYAxis? axis)
    {
        var xs = Enumerable.Range(0, values.Length).Where(i => values[i] is not null).Select(i => (double)i).ToArray();
        if (xs.Length == 0) return;
        var line = plot.Add.Scatter(xs, xs.Select(x => values[(int)x]!.Value).ToArray(), color);
        line.LegendText = legend;
        line.LineWidth = 2;
        line.MarkerSize = 5;
        if (axis is not null) line.Axes.YAxis = axis;
    }

    internal static void MonthTicks(Plot plot, string[] labels)
    {
        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, labels.Length).Select(i => (double)i).ToArray(), labels);
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Axes.SetLimitsX(-0.5, labels.Length - 0.5);
    }
}

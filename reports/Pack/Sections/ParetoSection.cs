using QmInsights.Reports.Layout;
using ScottPlot;

namespace QmInsights.Reports.Pack.Sections;

/// <summary>The scorecard items that fail most: failures per item, most first, with the cumulative share of all
/// failures (where fixing a few items removes most of the lost points).</summary>
public sealed class ParetoSection : IPackSection
{
    private const int Shown = 12;

    public IEnumerable<Block> Build(MonthlyPackData data)
    {
        var items = data.Items.Where(i => i.Failed > 0).OrderByDescending(i => i.Failed).ThenBy(i => i.ItemId, StringComparer.Ordinal).ToList();
        if (items.Count == 0) yield break;
        var total = (double)items.Sum(i => i.Failed);
        var shown = items.Take(Shown).ToList();
        var cumulative = shown.Select((_, n) => 100 * shown.Take(n + 1).Sum(i => i.Failed) / total).ToArray();
        yield return new Heading("Scorecard items: where points are lost");
        yield return new Chart(plot =>
        {
            var bars = plot.Add.Bars(shown.Select(i => (double)i.Failed).ToArray());
            bars.Color = ChartStyle.Bad;
            bars.LegendText = "failed answers";
            var line = plot.Add.Scatter(Enumerable.Range(0, shown.Count).Select(i => (double)i).ToArray(), cumulative, ChartStyle.Qa);
            line.LegendText = "cumulative % of failures (right axis)";
            line.LineWidth = 2;
            line.Axes.YAxis = plot.Axes.Right;
            plot.Axes.Left.Label.Text = "Failed answers";
            plot.Axes.Right.Label.Text = "Cumulative %";
            plot.Axes.Bottom.SetTicks(Enumerable.Range(0, shown.Count).Select(i => (double)i).ToArray(), shown.Select(i => i.ItemId).ToArray());
            plot.Axes.Bottom.TickLabelStyle.Rotation = 40;
            plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleLeft;
            plot.Axes.Margins(bottom: 0);
            plot.Axes.SetLimitsY(0, 105, plot.Axes.Right);
            plot.ShowLegend(Edge.Bottom);
        }, 250f);
        yield return new Table(
            [new("Item", 1.3f), new("Text", 3.4f), new("Answered", 1, true), new("Failed", 0.9f, true), new("Pass rate", 1, true), new("Share of failures", 1.2f, true)],
            shown.Select(i => (IReadOnlyList<TableCell>)
            [
                i.Critical ? i.ItemId + " (critical)" : i.ItemId, i.Text ?? "", Format.Count(i.Answered), Format.Count(i.Failed),
                Format.Share(i.PassRate), Format.Percent(100 * i.Failed / total),
            ]).ToList());
    }
}

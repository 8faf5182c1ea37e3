using ScottPlot;

namespace QmInsights.Reports.Layout;

/// <summary>The dashboard's look for the pack's charts (silo/wwwroot: app.css and panels.js): its series colours, light
/// horizontal grid lines, muted tick labels, a thin frame on the axes only and an unboxed legend.</summary>
public static class ChartStyle
{
    /// <summary>QA score (dashboard: indigo).</summary>
    public static readonly Color Qa = Color.FromHex("#4f46e5");

    /// <summary>CSAT (teal).</summary>
    public static readonly Color Csat = Color.FromHex("#0d9488");

    /// <summary>NPS (amber).</summary>
    public static readonly Color Nps = Color.FromHex("#d97706");

    /// <summary>Handle time (slate).</summary>
    public static readonly Color Aht = Color.FromHex("#64748b");

    /// <summary>Bad news: failures (red).</summary>
    public static readonly Color Bad = Color.FromHex("#dc2626");

    private static readonly Color Ink = Color.FromHex("#1e2233");
    private static readonly Color Muted = Color.FromHex("#6b7185");
    private static readonly Color Line = Color.FromHex("#e4e6ee");

    // Space kept between a rotated tick label and the axis line, and below the longest label, in points.
    private const float Gap = 4;

    /// <summary>Applies the look after a chart's own settings; sizes suit a page next to 9.5 pt body text.</summary>
    public static void Apply(Plot plot)
    {
        foreach (var axis in new IAxis[] { plot.Axes.Left, plot.Axes.Right, plot.Axes.Bottom, plot.Axes.Top })
        {
            axis.Label.FontSize = 10;
            axis.Label.ForeColor = Ink;
            axis.Label.Bold = false;
            axis.TickLabelStyle.FontSize = 8.5f;
            axis.TickLabelStyle.ForeColor = Muted;
            axis.MajorTickStyle.Color = Line;
            axis.MinorTickStyle.Length = 0;
            axis.FrameLineStyle.Color = Line;
        }
        // Only the axes that carry a scale keep a frame line, as on the dashboard.
        plot.Axes.Top.FrameLineStyle.Width = 0;
        if (!plot.GetPlottables().Any(p => p.Axes.YAxis == plot.Axes.Right)) plot.Axes.Right.FrameLineStyle.Width = 0;
        foreach (var bar in plot.GetPlottables().OfType<ScottPlot.Plottables.BarPlot>().SelectMany(b => b.Bars)) bar.LineWidth = 0;
        ClearRotatedTicks(plot.Axes.Bottom);
        plot.Grid.MajorLineColor = Line;
        plot.Grid.MajorLineWidth = 1;
        plot.Grid.XAxisStyle.IsVisible = false;
        plot.Legend.FontSize = 8.5f;
        plot.Legend.FontColor = Muted;
        plot.Legend.OutlineWidth = 0;
        plot.Legend.BackgroundColor = Colors.Transparent;
        plot.Legend.ShadowColor = Colors.Transparent;
    }

    /// <summary>Tick labels rotated below a horizontal axis (the Pareto chart's item ids) hang from their tick by their
    /// middle-left point, so their upper corner would rise above it onto the axis line: each is moved down by that
    /// rise plus a gap, and the axis is made tall enough for the longest label, so none touches the axis or the
    /// legend. Neighbours stay apart because they are parallel, one tick apart (at 40° and a dozen items the
    /// perpendicular distance is about twice a label's height).</summary>
    private static void ClearRotatedTicks(IAxis axis)
    {
        var style = axis.TickLabelStyle;
        var ticks = axis.TickGenerator.Ticks;
        if (style.Rotation == 0 || ticks.Length == 0) return;
        var angle = Math.Abs(style.Rotation) * Math.PI / 180;
        using var paint = Paint.NewDisposablePaint();
        var sizes = ticks.Select(t => style.Measure(t.Label, paint).Size).ToList();
        var rise = (float)(sizes.Max(s => s.Height) / 2 * Math.Cos(angle));
        // Labels start where the tick ends: a tick as long as the drop (light, like the grid) leads each to its bar.
        axis.MajorTickStyle.Length = rise + Gap;
        axis.MinimumSize = Math.Max(axis.MinimumSize, axis.MajorTickStyle.Length + (float)(sizes.Max(s => s.Width) * Math.Sin(angle)) + rise + Gap);
    }
}

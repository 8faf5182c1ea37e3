namespace QmInsights.Reports.Layout;

/// <summary>A ScottPlot chart drawn as vectors onto the page (text stays text, lines stay lines).</summary>
public sealed record Chart(Action<ScottPlot.Plot> Build, float Height = 230f) : Block
{
    public override void Place(PageComposer pages)
    {
        pages.EnsureSpace(Height);
        var top = pages.Y;
        pages.Draw(canvas =>
        {
            ReportFonts.RegisterWithScottPlot();
            var plot = new ScottPlot.Plot();
            plot.Font.Set(ReportFonts.Family);
            Build(plot);
            Scale(plot);
            canvas.Save();
            canvas.Translate(PageComposer.Left, top);
            canvas.ClipRect(new SkiaSharp.SKRect(0, 0, PageComposer.ContentWidth, Height));
            plot.Render(canvas, (int)PageComposer.ContentWidth, (int)Height);
            canvas.Restore();
        });
        pages.Y += Height + 8;
    }

    /// <summary>ScottPlot's defaults suit a screen; on a page next to 9.5 pt body text they shout.</summary>
    private static void Scale(ScottPlot.Plot plot)
    {
        foreach (var axis in new ScottPlot.IAxis[] { plot.Axes.Left, plot.Axes.Right, plot.Axes.Bottom, plot.Axes.Top })
        {
            axis.Label.FontSize = 10;
            axis.TickLabelStyle.FontSize = 8;
        }
        plot.Legend.FontSize = 8;
    }
}

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
            ChartStyle.Apply(plot);
            canvas.Save();
            canvas.Translate(PageComposer.Left, top);
            canvas.ClipRect(new SkiaSharp.SKRect(0, 0, PageComposer.ContentWidth, Height));
            plot.Render(canvas, (int)PageComposer.ContentWidth, (int)Height);
            canvas.Restore();
        });
        pages.Y += Height + 8;
    }
}

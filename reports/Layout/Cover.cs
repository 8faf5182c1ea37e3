using SkiaSharp;

namespace QmInsights.Reports.Layout;

/// <summary>The top of page one: a band with the title, then the lines that say what the document covers. The rest of
/// the page is left to what follows (the executive summary), since an executive reads page one only.</summary>
public sealed record Cover(string Title, string Subtitle, IReadOnlyList<string> Lines) : Block
{
    public override void Place(PageComposer pages)
    {
        if (!pages.AtPageTop) pages.NewPage();
        const float bandTop = 40f, bandHeight = 100f;
        pages.Rect(new SKRect(0, bandTop, PageComposer.PageWidth, bandTop + bandHeight), Tones.Accent);
        var title = new TextStyle(true, 24f, SKColors.White);
        var subtitle = new TextStyle(false, 14f, SKColors.White);
        using var titleFont = title.Font();
        var top = bandTop + 26;
        foreach (var line in TextWrap.Lines(Title, titleFont, PageComposer.ContentWidth).Take(2))
        {
            pages.Text(line, PageComposer.Left, top, title);
            top += title.LineHeight;
        }
        pages.Text(Subtitle, PageComposer.Left, top + 6, subtitle);
        pages.Y = bandTop + bandHeight + 14;
        foreach (var line in Lines) new Paragraph(line, TextStyle.Body with { Color = Tones.Muted }).Place(pages);
        pages.Y += 6;
    }
}

using SkiaSharp;

namespace QmInsights.Reports.Layout;

/// <summary>The title page: a band with the title, then the lines that say what the document covers.</summary>
public sealed record Cover(string Title, string Subtitle, IReadOnlyList<string> Lines) : Block
{
    public override void Place(PageComposer pages)
    {
        if (!pages.AtPageTop) pages.NewPage();
        const float bandTop = 200f, bandHeight = 130f;
        pages.Rect(new SKRect(0, bandTop, PageComposer.PageWidth, bandTop + bandHeight), Tones.Accent);
        var title = new TextStyle(true, 26f, SKColors.White);
        var subtitle = new TextStyle(false, 14f, SKColors.White);
        using var titleFont = title.Font();
        var top = bandTop + 30;
        foreach (var line in TextWrap.Lines(Title, titleFont, PageComposer.ContentWidth).Take(2))
        {
            pages.Text(line, PageComposer.Left, top, title);
            top += title.LineHeight;
        }
        pages.Text(Subtitle, PageComposer.Left, top + 6, subtitle);
        pages.Y = bandTop + bandHeight + 30;
        foreach (var line in Lines) new Paragraph(line, TextStyle.Body with { Size = 11f }).Place(pages);
        pages.NewPage();
    }
}

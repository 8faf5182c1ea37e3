namespace QmInsights.Reports.Layout;

/// <summary>Wrapped text; breaks across pages between lines, but a short paragraph moves whole to the next page and a
/// long one leaves neither a single first line at a page's foot nor a single last line at the next page's top.</summary>
public sealed record Paragraph(string Text, TextStyle? Style = null, float Indent = 0) : Block
{
    private const int KeptWhole = 4;

    public override void Place(PageComposer pages)
    {
        var style = Style ?? TextStyle.Body;
        using var font = style.Font();
        var lines = TextWrap.Lines(Text, font, PageComposer.ContentWidth - Indent);
        pages.EnsureSpace(style.LineHeight * (lines.Count <= KeptWhole ? lines.Count : 2));
        for (var i = 0; i < lines.Count; i++)
        {
            // The second-last line goes over with the last rather than leave it alone at the top of the next page.
            pages.EnsureSpace(style.LineHeight * (i == lines.Count - 2 ? 2 : 1));
            pages.Text(lines[i], PageComposer.Left + Indent, pages.Y, style);
            pages.Y += style.LineHeight;
        }
        pages.Y += style.Size * 0.6f;
    }
}

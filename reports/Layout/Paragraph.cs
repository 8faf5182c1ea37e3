namespace QmInsights.Reports.Layout;

/// <summary>Wrapped text; breaks across pages between lines.</summary>
public sealed record Paragraph(string Text, TextStyle? Style = null, float Indent = 0) : Block
{
    public override void Place(PageComposer pages)
    {
        var style = Style ?? TextStyle.Body;
        using var font = style.Font();
        foreach (var line in TextWrap.Lines(Text, font, PageComposer.ContentWidth - Indent))
        {
            pages.EnsureSpace(style.LineHeight);
            pages.Text(line, PageComposer.Left + Indent, pages.Y, style);
            pages.Y += style.LineHeight;
        }
        pages.Y += style.Size * 0.6f;
    }
}

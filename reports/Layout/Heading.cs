using SkiaSharp;

namespace QmInsights.Reports.Layout;

/// <summary>A section (level 1) or sub-section (level 2) title. Kept with the start of what follows it.</summary>
public sealed record Heading(string Text, int Level = 1) : Block
{
    private const float KeepWithNext = 90f;

    public override void Place(PageComposer pages)
    {
        var style = Level == 1 ? TextStyle.Heading1 : TextStyle.Heading2;
        using var font = style.Font();
        var lines = TextWrap.Lines(Text, font, PageComposer.ContentWidth);
        var height = lines.Count * style.LineHeight + (Level == 1 ? 10 : 6);
        if (!pages.AtPageTop) pages.Y += Level == 1 ? 10 : 6;
        pages.EnsureSpace(height + KeepWithNext);
        foreach (var line in lines)
        {
            pages.Text(line, PageComposer.Left, pages.Y, style);
            pages.Y += style.LineHeight;
        }
        if (Level == 1) pages.Rect(new SKRect(PageComposer.Left, pages.Y + 1, PageComposer.Left + PageComposer.ContentWidth, pages.Y + 2), style.Color);
        pages.Y += Level == 1 ? 10 : 4;
    }
}

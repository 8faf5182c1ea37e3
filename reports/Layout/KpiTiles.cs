using SkiaSharp;

namespace QmInsights.Reports.Layout;

/// <summary>A figure in a box: label, value, and a line or two of context (interval, target, change).</summary>
public sealed record KpiTile(string Label, string Value, string Detail, Tone Tone = Tone.Neutral);

/// <summary>KPI tiles, three to a row; a row never splits across pages.</summary>
public sealed record KpiTiles(IReadOnlyList<KpiTile> Tiles) : Block
{
    private const int PerRow = 3;
    private const float Gap = 8f, Height = 70f, Pad = 7f;

    public override void Place(PageComposer pages)
    {
        var width = (PageComposer.ContentWidth - Gap * (PerRow - 1)) / PerRow;
        foreach (var row in Tiles.Chunk(PerRow))
        {
            pages.EnsureSpace(Height);
            for (var i = 0; i < row.Length; i++)
            {
                var x = PageComposer.Left + i * (width + Gap);
                Tile(pages, row[i], x, pages.Y, width);
            }
            pages.Y += Height + Gap;
        }
    }

    private static void Tile(PageComposer pages, KpiTile tile, float x, float y, float width)
    {
        pages.Rect(new SKRect(x, y, x + width, y + Height), new SKColor(0xF2, 0xF5, 0xF9));
        pages.Rect(new SKRect(x, y, x + 3, y + Height), tile.Tone == Tone.Neutral ? Tones.Accent : tile.Tone.Color());
        var inner = width - 2 * Pad - 3;
        using (var font = TextStyle.Small.Font())
            pages.Text(TextWrap.Truncate(tile.Label, font, inner), x + 3 + Pad, y + Pad, TextStyle.Small);
        var valueStyle = new TextStyle(true, 16f, tile.Tone.Color());
        using (var font = valueStyle.Font())
            pages.Text(TextWrap.Truncate(tile.Value, font, inner), x + 3 + Pad, y + Pad + 11, valueStyle);
        using var small = TextStyle.Small.Font();
        var top = y + Pad + 33;
        foreach (var line in TextWrap.Lines(tile.Detail, small, inner).Take(2))
        {
            pages.Text(line, x + 3 + Pad, top, TextStyle.Small);
            top += TextStyle.Small.LineHeight;
        }
    }
}

using SkiaSharp;

namespace QmInsights.Reports.Layout;

/// <summary>Places blocks top to bottom on A4 pages and records what to draw where. Layout runs before any drawing,
/// so the footer can say "page 3 of 9".</summary>
public sealed class PageComposer
{
    public const float PageWidth = 595.28f, PageHeight = 841.89f, Margin = 48f;
    public const float Top = Margin + 18f, Bottom = PageHeight - Margin - 14f;
    public const float Left = Margin, ContentWidth = PageWidth - 2 * Margin;

    private readonly List<List<Action<SKCanvas>>> pages = [[]];

    /// <summary>Where the next block starts on the current page.</summary>
    public float Y { get; set; } = Top;

    public int PageCount => pages.Count;

    public IReadOnlyList<IReadOnlyList<Action<SKCanvas>>> Pages => pages;

    public bool AtPageTop => Y <= Top;

    /// <summary>Starts a new page unless <paramref name="height"/> still fits on this one (or this page is empty: a
    /// block taller than a page is then clipped by the blocks themselves, never pushed off forever).</summary>
    public void EnsureSpace(float height)
    {
        if (Y + height > Bottom && !AtPageTop) NewPage();
    }

    public void NewPage()
    {
        pages.Add([]);
        Y = Top;
    }

    public void Draw(Action<SKCanvas> draw) => pages[^1].Add(draw);

    /// <summary>Draws one line of text with its top at <paramref name="top"/>.</summary>
    public void Text(string text, float x, float top, TextStyle style, SKTextAlign align = SKTextAlign.Left) =>
        Draw(canvas =>
        {
            using var font = style.Font();
            using var paint = new SKPaint { Color = style.Color, IsAntialias = true };
            canvas.DrawText(text, x, top - font.Metrics.Ascent, align, font, paint);
        });

    public void Rect(SKRect rect, SKColor color) =>
        Draw(canvas =>
        {
            using var paint = new SKPaint { Color = color, IsAntialias = true };
            canvas.DrawRect(rect, paint);
        });
}

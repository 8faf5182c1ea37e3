using SkiaSharp;

namespace QmInsights.Reports.Layout;

/// <summary>A font face, size and colour; line height is 1.3 times the size.</summary>
public sealed record TextStyle(bool Bold, float Size, SKColor Color)
{
    public static readonly TextStyle Body = new(false, 9.5f, new SKColor(0x22, 0x22, 0x22));
    public static readonly TextStyle Small = new(false, 7.5f, new SKColor(0x55, 0x55, 0x55));
    public static readonly TextStyle TableCell = new(false, 8f, new SKColor(0x22, 0x22, 0x22));
    public static readonly TextStyle TableHeader = new(true, 8f, SKColors.White);
    public static readonly TextStyle Heading1 = new(true, 16f, new SKColor(0x1F, 0x3A, 0x5F));
    public static readonly TextStyle Heading2 = new(true, 12f, new SKColor(0x1F, 0x3A, 0x5F));

    public float LineHeight => Size * 1.3f;

    public SKFont Font() => new(Bold ? ReportFonts.Bold : ReportFonts.Regular, Size)
    {
        // Unhinted, linear advances: the widths Skia lays glyphs out with are the font's own, which is what PDF
        // readers assume when they extract text (hinted advances make them see spaces inside words).
        Hinting = SKFontHinting.None, LinearMetrics = true, Subpixel = true,
    };

    public TextStyle WithColor(SKColor color) => this with { Color = color };
}

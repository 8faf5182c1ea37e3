using System.Reflection;
using SkiaSharp;

namespace QmInsights.Reports.Layout;

/// <summary>The shipped DejaVu Sans faces. Text never depends on the fonts a machine happens to have, and the PDF embeds
/// them, so a pack looks the same wherever it is rendered and opened.</summary>
public static class ReportFonts
{
    public const string Family = "DejaVu Sans";

    private static readonly byte[] RegularData = Load("DejaVuSans.ttf");
    private static readonly byte[] BoldData = Load("DejaVuSans-Bold.ttf");

    public static SKTypeface Regular { get; } = SKTypeface.FromData(SKData.CreateCopy(RegularData));
    public static SKTypeface Bold { get; } = SKTypeface.FromData(SKData.CreateCopy(BoldData));

    private static readonly Lock Gate = new();
    private static bool registered;

    /// <summary>Makes ScottPlot draw every label with these faces (it otherwise asks the system, which may pick a serif
    /// face or none at all).</summary>
    public static void RegisterWithScottPlot()
    {
        lock (Gate)
        {
            if (registered) return;
            ScottPlot.Fonts.FontResolvers.Insert(0, new Resolver());
            ScottPlot.Fonts.Default = Family;
            registered = true;
        }
    }

    private static byte[] Load(string file)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"QmInsights.Reports.Fonts.{file}")
                           ?? throw new InvalidOperationException($"font resource {file} is missing from the assembly");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>Answers every family name with DejaVu Sans: one face for the whole document.</summary>
    private sealed class Resolver : ScottPlot.IFontResolver
    {
        // The document's own instances: the PDF then embeds each face once, shared by text and charts.
        public SKTypeface CreateTypeface(string fontName, bool bold, bool italic) => bold ? Bold : Regular;

        public SKTypeface CreateTypeface(string fontName, ScottPlot.FontWeight weight, ScottPlot.FontSlant slant, ScottPlot.FontSpacing spacing) =>
            CreateTypeface(fontName, (int)weight >= (int)ScottPlot.FontWeight.SemiBold, false);
    }
}

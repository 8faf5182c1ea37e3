using SkiaSharp;

namespace QmInsights.Reports.Layout;

/// <summary>Whether a figure is good or bad news; decides its colour.</summary>
public enum Tone { Neutral, Good, Bad }

public static class Tones
{
    public static readonly SKColor Accent = new(0x1F, 0x3A, 0x5F);

    /// <summary>Secondary text (the dashboard's muted grey).</summary>
    public static readonly SKColor Muted = new(0x6B, 0x71, 0x85);

    public static SKColor Color(this Tone tone) => tone switch
    {
        Tone.Good => new SKColor(0x1B, 0x7F, 0x3B),
        Tone.Bad => new SKColor(0xB3, 0x26, 0x1E),
        _ => new SKColor(0x22, 0x22, 0x22),
    };
}

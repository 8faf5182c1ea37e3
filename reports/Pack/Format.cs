using System.Globalization;
using QmInsights.Reports.Layout;

namespace QmInsights.Reports.Pack;

/// <summary>How figures read in the pack: one decimal, invariant culture, an en dash when there is no data.</summary>
public static class Format
{
    public const string None = "–";
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Number(double? value, int decimals = 1) => value is { } v ? v.ToString("F" + decimals, Invariant) : None;

    public static string Percent(double? value) => value is { } v ? v.ToString("F1", Invariant) + "%" : None;

    /// <summary>A 0..1 share as a percentage.</summary>
    public static string Share(double? value) => Percent(value * 100);

    /// <summary>With its sign; a value that rounds to zero reads "0", never "-0".</summary>
    public static string Signed(double? value, int decimals = 1)
    {
        if (value is not { } v) return None;
        var rounded = Math.Round(v, decimals);
        return rounded == 0 ? 0.0.ToString("F" + decimals, Invariant) : (rounded > 0 ? "+" : "") + rounded.ToString("F" + decimals, Invariant);
    }

    public static string Count(long value) => value.ToString("N0", Invariant);

    public static string Duration(double? seconds) =>
        seconds is { } s ? $"{(int)(s / 60)}:{(int)Math.Round(s % 60):00}" : None;

    public static string MonthName(string month) =>
        DateOnly.ParseExact(month + "-01", "yyyy-MM-dd", Invariant).ToString("MMMM yyyy", Invariant);

    public static string ShortMonth(string month) =>
        DateOnly.ParseExact(month + "-01", "yyyy-MM-dd", Invariant).ToString("MMM yy", Invariant);

    /// <summary>A change as an arrow and a signed figure; the tone says whether the change is good news.</summary>
    public static TableCell Change(double? now, double? before, bool higherIsBetter = true, int decimals = 1, double scale = 1)
    {
        if (now is not { } a || before is not { } b) return new TableCell(None);
        var delta = (a - b) * scale;
        if (Math.Abs(delta) < Math.Pow(10, -decimals) / 2) return new TableCell("► 0");
        var tone = (delta > 0) == higherIsBetter ? Tone.Good : Tone.Bad;
        return new TableCell((delta > 0 ? "▲ " : "▼ ") + Signed(delta, decimals), tone);
    }
}

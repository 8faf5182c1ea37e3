using SkiaSharp;

namespace QmInsights.Reports.Layout;

/// <summary>Breaks text into lines that fit a width: at spaces, and inside a word only when the word alone is too wide.</summary>
public static class TextWrap
{
    public static List<string> Lines(string text, SKFont font, float width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (font.MeasureText(candidate) <= width) { line = candidate; continue; }
                if (line.Length > 0) lines.Add(line);
                line = word;
                while (font.MeasureText(line) > width && line.Length > 1)
                {
                    var fit = Fit(line, font, width);
                    lines.Add(line[..fit]);
                    line = line[fit..];
                }
            }
            lines.Add(line);
        }
        return lines;
    }

    /// <summary>The text cut to fit the width with an ellipsis (table cells keep one line).</summary>
    public static string Truncate(string text, SKFont font, float width)
    {
        if (font.MeasureText(text) <= width) return text;
        var fit = Fit(text + "…", font, width - font.MeasureText("…"));
        return text[..Math.Max(0, Math.Min(fit, text.Length))] + "…";
    }

    private static int Fit(string text, SKFont font, float width)
    {
        var n = 1;
        while (n < text.Length && font.MeasureText(text.AsSpan(0, n + 1)) <= width) n++;
        return n;
    }
}

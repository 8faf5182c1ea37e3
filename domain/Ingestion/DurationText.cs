using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;

namespace QmInsights.Domain.Ingestion;

/// <summary>Durations as exports write them: seconds (<c>998.7</c>), a clock <c>hh:mm:ss[.fff]</c> (<c>00:16:38.5</c>;
/// two-part <c>16:38</c> is refused because it could be hours or minutes), ISO 8601 (<c>PT16M38.5S</c>) or
/// <c>0d 0h 16m 38s</c>.</summary>
public static partial class DurationText
{
    /// <summary>The seconds <paramref name="text"/> stands for, or null with <paramref name="error"/> saying why.</summary>
    public static double? Parse(string text, out string? error)
    {
        error = null;
        var t = text.Trim();
        if (double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)) return seconds;
        if (t.StartsWith('P') || t.StartsWith('p'))
        {
            try
            {
                return XmlConvert.ToTimeSpan(t.ToUpperInvariant()).TotalSeconds;
            }
            catch (FormatException)
            {
                error = $"'{text}' is not an ISO 8601 duration (e.g. PT16M38.5S)";
                return null;
            }
        }
        if (DaysHoursMinutesSeconds().Match(t) is { Success: true } dhms)
            return int.Parse(dhms.Groups[1].ValueSpan, CultureInfo.InvariantCulture) * 86_400 + int.Parse(dhms.Groups[2].ValueSpan, CultureInfo.InvariantCulture) * 3600
                + int.Parse(dhms.Groups[3].ValueSpan, CultureInfo.InvariantCulture) * 60 + double.Parse(dhms.Groups[4].ValueSpan, CultureInfo.InvariantCulture);
        var parts = t.Split(':');
        if (parts.Length == 3
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var h)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var m) && m < 60
            && double.TryParse(parts[2], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var s) && s < 60
            && parts[2].Length >= 2)
            return h * 3600 + m * 60 + s;
        error = $"'{text}' is not a duration: give seconds (998.7), hh:mm:ss[.fff] (00:16:38.5) or ISO 8601 (PT16M38.5S)";
        return null;
    }

    // "0d 0h 16m 38s", as some CCaaS reports write it.
    [GeneratedRegex(@"^(\d+)d\s*(\d+)h\s*(\d+)m\s*(\d+(?:\.\d+)?)s$")]
    private static partial Regex DaysHoursMinutesSeconds();
}

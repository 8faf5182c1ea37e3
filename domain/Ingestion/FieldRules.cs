using System.Buffers;
using System.Globalization;
using QmInsights.Domain.Facts;

namespace QmInsights.Domain.Ingestion;

/// <summary>The contract's field rules, written once for every record kind and body format.</summary>
public static class FieldRules
{
    public static string? Id(IFieldSource s, string field, List<string> problems, bool required = true)
    {
        if (!s.Has(field))
        {
            if (required) problems.Add($"{field}: is missing");
            return null;
        }
        var id = s.String(field, problems);
        if (id is null) return null;
        if (Ids.IsValid(id)) return id;
        problems.Add($"{field}: {Ids.Describe(id)}");
        return null;
    }

    /// <summary>An ISO 8601 time that states its offset, converted to UTC.</summary>
    public static DateTimeOffset? Time(IFieldSource s, string field, List<string> problems, bool required = true)
    {
        if (!s.Has(field))
        {
            if (required) problems.Add($"{field}: is missing");
            return null;
        }
        var text = s.String(field, problems);
        if (text is null) return null;
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var time))
        {
            problems.Add($"{field}: '{text}' is not an ISO 8601 date-time (e.g. 2026-01-31T14:05:00+01:00)");
            return null;
        }
        if (!HasOffset(text))
        {
            problems.Add($"{field}: '{text}' has no UTC offset (use e.g. {text}+01:00 or {text}Z)");
            return null;
        }
        return time.ToUniversalTime();
    }

    public static long? Integer(IFieldSource s, string field, long min, long max, List<string> problems, bool required = false)
    {
        if (!s.Has(field))
        {
            if (required) problems.Add($"{field}: is missing");
            return null;
        }
        var n = s.Integer(field, problems);
        if (n is null) return null;
        if (n >= min && n <= max) return n;
        problems.Add(n < min ? $"{field}: {n} must be >= {min}" : $"{field}: {n} must be <= {max}");
        return null;
    }

    /// <summary>A duration of 0 to <paramref name="max"/> seconds, kept to the millisecond.</summary>
    public static double? Duration(IFieldSource s, string field, double max, List<string> problems, bool required = false)
    {
        if (!s.Has(field))
        {
            if (required) problems.Add($"{field}: is missing");
            return null;
        }
        var seconds = s.Seconds(field, problems);
        if (seconds is not { } n) return null;
        if (double.IsFinite(n) && n >= 0 && n <= max) return Math.Round(n, 3, MidpointRounding.AwayFromZero);
        problems.Add(!double.IsFinite(n) ? $"{field}: must be a finite number of seconds"
            : n < 0 ? $"{field}: {n.ToString(CultureInfo.InvariantCulture)} must be >= 0"
            : $"{field}: {n.ToString(CultureInfo.InvariantCulture)} must be <= {max.ToString(CultureInfo.InvariantCulture)} seconds");
        return null;
    }

    /// <summary>An optional probability: a number above 0 and at most 1 (a contact that could not be picked was not).</summary>
    public static double? Probability(IFieldSource s, string field, List<string> problems)
    {
        if (!s.Has(field)) return null;
        var n = s.Number(field, problems);
        if (n is null) return null;
        if (n > 0 && n <= 1) return n;
        problems.Add($"{field}: {n.Value.ToString(CultureInfo.InvariantCulture)} must be above 0 and at most 1");
        return null;
    }

    public static TEnum? Choice<TEnum>(IFieldSource s, string field, IReadOnlyDictionary<string, TEnum> choices,
        List<string> problems, bool required = true) where TEnum : struct
    {
        if (!s.Has(field))
        {
            if (required) problems.Add($"{field}: is missing");
            return null;
        }
        var text = s.String(field, problems);
        if (text is null) return null;
        if (choices.TryGetValue(text.ToLowerInvariant(), out var value)) return value;
        problems.Add($"{field}: '{text}' is not one of {string.Join(", ", choices.Keys)}");
        return null;
    }

    /// <summary>A free-text field of at most <paramref name="maxLength"/> characters without control characters (they
    /// break logs, terminals and PostgreSQL's COPY); <paramref name="multiline"/> text may hold tabs and line breaks.</summary>
    public static string? Text(IFieldSource s, string field, int maxLength, List<string> problems, bool multiline = false)
    {
        if (!s.Has(field)) return null;
        var text = s.String(field, problems);
        if (text is null) return null;
        if (text.Length > maxLength)
        {
            problems.Add($"{field}: is {text.Length} characters long; at most {maxLength} are allowed");
            return null;
        }
        var bad = text.AsSpan().IndexOfAny(multiline ? ControlsButLayout : AllControls);
        if (bad < 0) return text;
        problems.Add($"{field}: contains the control character U+{(int)text[bad]:X4} at position {bad + 1}" +
                     (multiline ? " (only tabs and line breaks are allowed)" : ""));
        return null;
    }

    private static readonly char[] Controls = Enumerable.Range(0, 0x10000).Select(c => (char)c).Where(char.IsControl).ToArray();
    private static readonly SearchValues<char> AllControls = SearchValues.Create(Controls);
    private static readonly SearchValues<char> ControlsButLayout = SearchValues.Create(Controls.Where(c => c is not ('\t' or '\n' or '\r')).ToArray());

    // A time without offset ends in its seconds (or fraction); with one it ends in Z or ±hh:mm / ±hhmm.
    // Where the time of day starts; searched without allocating, since every record has a time or two.
    private static readonly SearchValues<char> TimeSeparators = SearchValues.Create("Tt ");

    private static bool HasOffset(string text)
    {
        var t = text.AsSpan().TrimEnd();
        if (t is [.., 'Z' or 'z']) return true;
        var tIndex = t.IndexOfAny(TimeSeparators);
        if (tIndex < 0) return false;
        return t[(tIndex + 1)..].IndexOfAny('+', '-') >= 0;
    }
}

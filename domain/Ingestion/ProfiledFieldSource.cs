using System.Globalization;
using System.Text.RegularExpressions;

namespace QmInsights.Domain.Ingestion;

/// <summary>A record of a source's export seen through an <see cref="ImportProfile"/>: every getter takes the contract
/// field name, finds the source text by the profile and reads it by the contract's rules, so problems name the contract
/// field as they do without a profile.</summary>
public sealed partial class ProfiledFieldSource(IFieldSource source, ImportProfile profile, TimeZoneInfo? zone) : IFieldSource
{
    // What only an answered contact has: the agent, their team, and the time they spent on it.
    private static readonly string[] HandlingFields = ["agentId", "teamId", "handleSeconds", "afterCallWorkSeconds"];

    public bool Has(string field) => Text(field) is not null;

    /// <summary>The contract fields the profile finds in this record.</summary>
    public IEnumerable<string> Names =>
        profile.Fields.Keys.Concat(profile.Constants?.Keys ?? Enumerable.Empty<string>()).Distinct(StringComparer.Ordinal).Where(Has);

    public string? String(string field, List<string> problems)
    {
        var text = Text(field);
        return text is not null && IsTime(field) ? Time(field, text, problems) : text;
    }

    public long? Integer(string field, List<string> problems) => Parse<long>(field, problems, t =>
        long.TryParse(t, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : null, "a whole number");

    public double? Number(string field, List<string> problems) => Parse<double>(field, problems, t =>
        double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : null, "a number");

    public double? Seconds(string field, List<string> problems)
    {
        var text = Text(field);
        if (text is null) return null;
        // A plain number is in the profile's unit; a clock or ISO 8601 duration says its own.
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n))
            return n * (ImportProfile.SecondsPerUnit(profile.DurationUnit) ?? 1);
        var seconds = DurationText.Parse(text, out var error);
        if (error is not null) problems.Add($"{field}: {error}");
        return seconds;
    }

    public bool? Boolean(string field, List<string> problems) => Parse<bool>(field, problems, t => t.ToLowerInvariant() switch
    {
        "true" or "1" or "yes" or "y" => true,
        "false" or "0" or "no" or "n" => false,
        _ => null,
    }, "true or false");

    public IReadOnlyList<KeyValuePair<string, string>>? Map(string field, List<string> problems) =>
        source.Map(profile.Fields.GetValueOrDefault(field, field), problems);

    /// <summary>The contract text of <paramref name="field"/>: the source column or template, else the constant, with
    /// the profile's value words applied; null when absent. Agent, team and handling times are absent on a contact the
    /// profile calls abandoned: exports fill them with placeholders (NO_SERVER, the queue's team, seconds of ringing)
    /// that describe no answered contact.</summary>
    private string? Text(string field)
    {
        if (HandlingFields.Contains(field) && Text("outcome") is { } outcome && !outcome.Equals("handled", StringComparison.OrdinalIgnoreCase))
            return null;
        var text = profile.Fields.TryGetValue(field, out var spec) ? Raw(spec) : null;
        text ??= profile.Constants?.GetValueOrDefault(field);
        if (profile.Values?.GetValueOrDefault(field) is not { } words) return text;
        // "" stands for an empty or absent source value, "*" for any value the list does not name.
        if (text is null) return words.GetValueOrDefault("");
        foreach (var (from, to) in words)
            if (from.Equals(text, StringComparison.OrdinalIgnoreCase)) return to;
        return words.GetValueOrDefault("*", text);
    }

    // A column name, or a template whose {column} parts are filled in; absent when any named column is empty.
    private string? Raw(string spec)
    {
        if (!spec.Contains('{')) return Cell(spec);
        var missing = false;
        var filled = Column().Replace(spec, m => Cell(m.Groups[1].Value) ?? (missing = true).ToString());
        return missing ? null : filled;
    }

    private string? Cell(string column)
    {
        if (!source.Has(column)) return null;
        var scratch = new List<string>();
        var text = source.String(column, scratch);
        if (scratch.Count == 0) return text?.Trim();
        // A JSON export may give a number where the contract wants text (an id, a duration): its literal text counts.
        return source.Number(column, []) is { } n ? n.ToString("R", CultureInfo.InvariantCulture) : null;
    }

    private static bool IsTime(string field) => field.EndsWith("At", StringComparison.Ordinal);

    // Times in the profile's format and zone are handed on as ISO 8601 with their offset, for the contract's rule.
    private string? Time(string field, string text, List<string> problems)
    {
        if (profile.TimeFormat is null && zone is null) return text;
        DateTime local;
        if (profile.TimeFormat is { } format)
        {
            if (!DateTime.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out local))
            {
                problems.Add($"{field}: '{text}' does not match the profile's time format '{format}'");
                return null;
            }
        }
        else if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset) && HasOffset(text))
            return withOffset.ToString("O", CultureInfo.InvariantCulture);
        else if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out local))
            return text; // the contract's rule names the problem
        var offset = zone is null ? TimeSpan.Zero
            : zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() // the first of a repeated hour
            : zone.GetUtcOffset(local);
        if (zone is not null && zone.IsInvalidTime(local))
        {
            problems.Add($"{field}: '{text}' does not exist in {zone.Id} (skipped by a daylight-saving change)");
            return null;
        }
        return new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), offset).ToString("O", CultureInfo.InvariantCulture);
    }

    private static bool HasOffset(string text) => text.EndsWith('Z') || text.EndsWith('z') || OffsetSuffix().IsMatch(text);

    private T? Parse<T>(string field, List<string> problems, Func<string, T?> parse, string what) where T : struct
    {
        var text = Text(field);
        if (text is null) return null;
        if (parse(text) is { } value) return value;
        problems.Add($"{field}: '{text}' is not {what}");
        return null;
    }

    [GeneratedRegex(@"\{([^{}]+)\}")]
    private static partial Regex Column();

    [GeneratedRegex(@"[+-]\d\d:?\d\d$")]
    private static partial Regex OffsetSuffix();
}

using System.Globalization;

namespace QmInsights.Domain.Ingestion;

/// <summary>Fields of one CSV row by header name; an empty cell counts as absent. <c>answers</c> is written
/// <c>itemId=value;itemId=value</c>.</summary>
public sealed class CsvFieldSource(IReadOnlyDictionary<string, int> columns, IReadOnlyList<string> cells) : IFieldSource
{
    public bool Has(string field) => Cell(field) is not null;

    public IEnumerable<string> Names => columns.Where(c => c.Value < cells.Count && cells[c.Value].Length > 0).Select(c => c.Key);

    public string? String(string field, List<string> problems) => Cell(field);

    public long? Integer(string field, List<string> problems)
    {
        var text = Cell(field);
        if (text is null) return null;
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)) return n;
        problems.Add($"{field}: '{text}' is not a whole number");
        return null;
    }

    public double? Number(string field, List<string> problems)
    {
        var text = Cell(field);
        if (text is null) return null;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n)) return n;
        problems.Add($"{field}: '{text}' is not a number");
        return null;
    }

    public double? Seconds(string field, List<string> problems)
    {
        var text = Cell(field);
        if (text is null) return null;
        var seconds = DurationText.Parse(text, out var error);
        if (error is not null) problems.Add($"{field}: {error}");
        return seconds;
    }

    public bool? Boolean(string field, List<string> problems)
    {
        var text = Cell(field);
        switch (text?.ToLowerInvariant())
        {
            case null: return null;
            case "true" or "1" or "yes": return true;
            case "false" or "0" or "no": return false;
            default:
                problems.Add($"{field}: '{text}' is not true or false");
                return null;
        }
    }

    public IReadOnlyList<KeyValuePair<string, string>>? Map(string field, List<string> problems)
    {
        var text = Cell(field);
        if (text is null) return null;
        var map = new List<KeyValuePair<string, string>>();
        foreach (var pair in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = pair.IndexOf('=');
            if (eq <= 0) problems.Add($"{field}: '{pair}' is not itemId=value");
            else map.Add(new(pair[..eq].Trim(), pair[(eq + 1)..].Trim()));
        }
        return map;
    }

    private string? Cell(string field) =>
        columns.TryGetValue(field, out var i) && i < cells.Count && cells[i].Length > 0 ? cells[i] : null;
}

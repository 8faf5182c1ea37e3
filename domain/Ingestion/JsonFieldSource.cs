using System.Text.Json;

namespace QmInsights.Domain.Ingestion;

/// <summary>Fields of a JSON object; JSON null counts as absent.</summary>
public sealed class JsonFieldSource(JsonElement record) : IFieldSource
{
    public bool Has(string field) => record.TryGetProperty(field, out var v) && v.ValueKind != JsonValueKind.Null;

    public IEnumerable<string> Names => record.EnumerateObject().Select(p => p.Name);

    public string? String(string field, List<string> problems)
    {
        if (!Get(field, out var v)) return null;
        if (v.ValueKind == JsonValueKind.String) return v.GetString();
        problems.Add($"{field}: must be a string, not {Kind(v)}");
        return null;
    }

    public long? Integer(string field, List<string> problems)
    {
        if (!Get(field, out var v)) return null;
        if (v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n)) return n;
        problems.Add(v.ValueKind == JsonValueKind.Number
            ? $"{field}: {v.GetRawText()} must be a whole number"
            : $"{field}: must be a number, not {Kind(v)}");
        return null;
    }

    public double? Number(string field, List<string> problems)
    {
        if (!Get(field, out var v)) return null;
        if (v.ValueKind == JsonValueKind.Number) return v.GetDouble();
        problems.Add($"{field}: must be a number, not {Kind(v)}");
        return null;
    }

    public double? Seconds(string field, List<string> problems)
    {
        if (!Get(field, out var v)) return null;
        if (v.ValueKind == JsonValueKind.Number) return v.GetDouble();
        if (v.ValueKind == JsonValueKind.String)
        {
            var seconds = DurationText.Parse(v.GetString()!, out var error);
            if (error is not null) problems.Add($"{field}: {error}");
            return seconds;
        }
        problems.Add($"{field}: must be a number of seconds, not {Kind(v)}");
        return null;
    }

    public bool? Boolean(string field, List<string> problems)
    {
        if (!Get(field, out var v)) return null;
        if (v.ValueKind is JsonValueKind.True or JsonValueKind.False) return v.GetBoolean();
        problems.Add($"{field}: must be true or false, not {Kind(v)}");
        return null;
    }

    public IReadOnlyList<KeyValuePair<string, string>>? Map(string field, List<string> problems)
    {
        if (!Get(field, out var v)) return null;
        if (v.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"{field}: must be an object of itemId: answer, not {Kind(v)}");
            return null;
        }
        var map = new List<KeyValuePair<string, string>>();
        foreach (var p in v.EnumerateObject())
        {
            if (p.Value.ValueKind == JsonValueKind.String) map.Add(new(p.Name, p.Value.GetString()!));
            else problems.Add($"{field}.{p.Name}: must be a string (yes, no or na), not {Kind(p.Value)}");
        }
        return map;
    }

    private bool Get(string field, out JsonElement value) =>
        record.TryGetProperty(field, out value) && value.ValueKind != JsonValueKind.Null;

    private static string Kind(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.String => $"the string \"{Truncate(v.GetString()!)}\"",
        JsonValueKind.Number => $"the number {v.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => $"the boolean {v.GetRawText()}",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => v.ValueKind.ToString().ToLowerInvariant(),
    };

    private static string Truncate(string s) => s.Length <= 40 ? s : s[..40] + "…";
}

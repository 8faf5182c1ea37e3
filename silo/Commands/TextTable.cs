using System.Globalization;
using System.Text.Json;

namespace QmInsights.Silo.Commands;

/// <summary>A plain-text table for the commands that read a running engine: columns sized to their widest cell,
/// numbers right-aligned, and the helpers to turn JSON values into cells (absent values print as "-").</summary>
public sealed class TextTable(params string[] headers)
{
    private readonly List<string[]> _rows = new();

    public TextTable Add(params string[] cells)
    {
        if (cells.Length != headers.Length) throw new ArgumentException($"{cells.Length} cells for {headers.Length} columns", nameof(cells));
        _rows.Add(cells);
        return this;
    }

    public int Count => _rows.Count;

    public void Write(TextWriter output)
    {
        var widths = headers.Select((h, i) => _rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        // A column is numeric when every cell reads as a number (or is "-"): right-aligned so digits line up.
        var numeric = headers.Select((_, i) => _rows.Count > 0 && _rows.All(r => r[i] == "-" || IsNumber(r[i]))).ToArray();
        string Line(string[] cells) => string.Join("  ", cells.Select((c, i) => numeric[i] ? c.PadLeft(widths[i]) : c.PadRight(widths[i]))).TrimEnd();
        output.WriteLine(Line(headers));
        output.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in _rows) output.WriteLine(Line(row));
    }

    private static bool IsNumber(string cell) =>
        double.TryParse(cell.TrimEnd('%').Replace(",", ""), NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    /// <summary>A number property formatted invariantly; "-" when absent or null.</summary>
    public static string Number(JsonElement e, string name, string format = "0.###") =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble().ToString(format, CultureInfo.InvariantCulture) : "-";

    /// <summary>A string (or any scalar) property as text; "-" when absent or null.</summary>
    public static string Text(JsonElement e, string name) =>
        !e.TryGetProperty(name, out var v) || v.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined ? "-"
        : v.ValueKind == JsonValueKind.String ? v.GetString()! : v.GetRawText();

    /// <summary>A [low, high] interval property; "-" when absent.</summary>
    public static string Interval(JsonElement e, string name, string format = "0.###") =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array && v.GetArrayLength() == 2
            ? string.Create(CultureInfo.InvariantCulture, $"[{v[0].GetDouble().ToString(format, CultureInfo.InvariantCulture)}, {v[1].GetDouble().ToString(format, CultureInfo.InvariantCulture)}]")
            : "-";
}

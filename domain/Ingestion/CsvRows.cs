using System.Runtime.CompilerServices;
using System.Text;

namespace QmInsights.Domain.Ingestion;

/// <summary>Reads RFC 4180 CSV rows one at a time: quoted cells may hold commas, doubled quotes and line breaks.</summary>
public static class CsvRows
{
    /// <summary>Each row with the line number it starts on (1-based).</summary>
    public static async IAsyncEnumerable<(int Line, List<string>? Cells, string? Problem)> Read(TextReader reader,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var lineNumber = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            lineNumber++;
            var start = lineNumber;
            if (line.Length == 0) continue;
            // A quoted cell may span lines: keep reading while the quotes are unbalanced.
            var text = new StringBuilder(line);
            // The quotes are counted once per line as it arrives (recounting the whole row per line was quadratic).
            var quotes = QuoteCount(line);
            while (quotes % 2 == 1 && await reader.ReadLineAsync(cancellationToken) is { } more)
            {
                lineNumber++;
                text.Append('\n').Append(more);
                quotes += QuoteCount(more);
            }
            var (cells, problem) = Split(text.ToString());
            yield return (start, cells, problem);
        }
    }

    private static int QuoteCount(string line) => line.AsSpan().Count('"');

    private static (List<string>? Cells, string? Problem) Split(string row)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var i = 0;
        while (true)
        {
            if (i < row.Length && row[i] == '"')
            {
                i++;
                while (true)
                {
                    if (i >= row.Length) return (null, "a quoted cell is not closed");
                    if (row[i] == '"')
                    {
                        if (i + 1 < row.Length && row[i + 1] == '"') { cell.Append('"'); i += 2; continue; }
                        i++;
                        break;
                    }
                    cell.Append(row[i++]);
                }
                if (i < row.Length && row[i] != ',') return (null, $"unexpected '{row[i]}' after a closing quote at column {cells.Count + 1}");
            }
            else
            {
                while (i < row.Length && row[i] != ',') cell.Append(row[i++]);
            }
            cells.Add(cell.ToString().Trim());
            cell.Clear();
            if (i >= row.Length) return (cells, null);
            i++; // the comma
        }
    }
}

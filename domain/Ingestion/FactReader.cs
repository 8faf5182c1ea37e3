using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using QmInsights.Domain.Periods;

namespace QmInsights.Domain.Ingestion;

/// <summary>Streams the records of an ingestion body (JSON array or single object, NDJSON, CSV) without holding
/// the body in memory, validating each record on its own so that one bad record never blocks the others.</summary>
/// <remarks>With an <see cref="ImportProfile"/> each record is read through it, and the CSV header is not held to the
/// contract's column names (a column the profile cannot find makes its field missing, per record).</remarks>
public sealed class FactReader<T>(RecordShape<T> shape, ImportProfile? profile = null) where T : class
{
    private readonly TimeZoneInfo? _profileZone = profile?.TimeZone is { } zone ? CentreCalendar.Of(zone, "timeZone").Zone : null;
    private readonly SortedSet<string> _ignored = new(StringComparer.Ordinal);

    /// <summary>Fields seen in the body that the contract does not define: they are not stored (they could hold
    /// customer personal data).</summary>
    public IReadOnlySet<string> IgnoredFields => _ignored;

    /// <summary>The body's records in order. A body that is not UTF-8 stops with <see cref="MalformedBodyException"/> at
    /// the first bad byte (the records before it have been handed out).</summary>
    public IAsyncEnumerable<ParsedRecord<T>> Read(Stream body, BodyFormat format, CancellationToken cancellationToken = default)
    {
        var checkedBody = new Utf8CheckedStream(body);
        return format switch
        {
            BodyFormat.Json => ReadJson(checkedBody, cancellationToken),
            BodyFormat.Ndjson => ReadNdjson(checkedBody, cancellationToken),
            _ => ReadCsv(checkedBody, cancellationToken),
        };
    }

    private async IAsyncEnumerable<ParsedRecord<T>> ReadJson(Stream body, [EnumeratorCancellation] CancellationToken ct)
    {
        var (first, stream) = await PeekFirstByte(body, ct);
        if (first is null) throw new MalformedBodyException("The body is empty; send a JSON array of records");
        if (first == (byte)'{')
        {
            // A single object is a batch of one.
            JsonElement single;
            try { single = (await JsonDocument.ParseAsync(stream, cancellationToken: ct)).RootElement; }
            catch (JsonException e) { throw new MalformedBodyException($"The body is not valid JSON: {e.Message}"); }
            yield return FromJson(0, single);
            yield break;
        }
        if (first != (byte)'[')
            throw new MalformedBodyException("The body must be a JSON array of records (or one record object)");

        var scanner = new JsonArrayScanner(stream);
        var position = 0;
        while (true)
        {
            List<JsonElement> batch;
            try { batch = await scanner.NextAsync(ct); }
            catch (JsonException e)
            {
                throw new MalformedBodyException(
                    $"The JSON array breaks after record {position} (the records before it were read): {e.Message}");
            }
            if (batch.Count == 0) yield break;
            foreach (var element in batch) yield return FromJson(position++, element);
        }
    }

    private async IAsyncEnumerable<ParsedRecord<T>> ReadNdjson(Stream body, [EnumeratorCancellation] CancellationToken ct)
    {
        using var reader = new StreamReader(body, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        var position = 0;
        var lineNumber = 0;
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            JsonDocument? document = null;
            string? problem = null;
            try { document = JsonDocument.Parse(line); }
            catch (JsonException e) { problem = $"line {lineNumber}: not valid JSON ({e.Message})"; }
            using (document)
                yield return document is null
                    ? new ParsedRecord<T>(position, null, null, [problem!])
                    : FromJson(position, document.RootElement);
            position++;
        }
        if (position == 0) throw new MalformedBodyException("The body has no records; send one JSON object per line");
    }

    private async IAsyncEnumerable<ParsedRecord<T>> ReadCsv(Stream body, [EnumeratorCancellation] CancellationToken ct)
    {
        using var reader = new StreamReader(body, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        Dictionary<string, int>? columns = null;
        var position = 0;
        await foreach (var (line, cells, problem) in CsvRows.Read(reader, ct))
        {
            if (columns is null)
            {
                if (cells is null) throw new MalformedBodyException($"The CSV header row (line {line}) cannot be read: {problem}");
                columns = Header(cells);
                continue;
            }
            if (cells is null)
                yield return new ParsedRecord<T>(position, null, null, [$"line {line}: {problem}"]);
            else if (cells.Count != columns.Count)
                yield return new ParsedRecord<T>(position, null, null,
                    [$"line {line}: has {cells.Count} cells but the header has {columns.Count} columns"]);
            else
                yield return Parse(position, new CsvFieldSource(columns, cells));
            position++;
        }
        if (columns is null) throw new MalformedBodyException("The body is empty; CSV needs a header row with the field names");
    }

    private Dictionary<string, int> Header(List<string> cells)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < cells.Count; i++)
            if (!columns.TryAdd(cells[i], i))
                throw new MalformedBodyException($"The CSV header names column '{cells[i]}' twice");
        var missing = profile is not null ? [] : shape.Required.Where(f => !columns.ContainsKey(f)).ToList();
        if (missing.Count > 0)
            throw new MalformedBodyException(
                $"The CSV header lacks the {shape.Name} column(s) {string.Join(", ", missing)} (it has {string.Join(", ", cells)})");
        return columns;
    }

    private ParsedRecord<T> FromJson(int position, JsonElement element) =>
        element.ValueKind == JsonValueKind.Object
            ? Parse(position, new JsonFieldSource(element))
            : new ParsedRecord<T>(position, null, null, [$"record: must be a JSON object, not {element.ValueKind.ToString().ToLowerInvariant()}"]);

    private ParsedRecord<T> Parse(int position, IFieldSource raw)
    {
        var source = profile is null ? raw : new ProfiledFieldSource(raw, profile, _profileZone);
        foreach (var name in source.Names)
            if (!shape.Fields.Contains(name)) _ignored.Add(name);
        var problems = new List<string>();
        var record = shape.Read(source, problems);
        var ignore = new List<string>();
        var id = source.Has(shape.IdField) ? source.String(shape.IdField, ignore) : null;
        return new ParsedRecord<T>(position, id, record, problems);
    }

    /// <summary>The first non-blank byte, and a stream that still yields every byte of the body from there.</summary>
    private static async Task<(byte? First, Stream Body)> PeekFirstByte(Stream body, CancellationToken ct)
    {
        var buffer = new byte[1];
        while (await body.ReadAsync(buffer, ct) == 1)
        {
            var b = buffer[0];
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or 0xEF or 0xBB or 0xBF) continue; // blanks, UTF-8 BOM
            return (b, new PrefixedStream(b, body));
        }
        return (null, body);
    }
}

using System.Text.Json;

namespace QmInsights.Domain.Ingestion;

/// <summary>Reads the elements of a top-level JSON array from a stream one at a time, so that every record before
/// a syntax error is handed out (a buffered deserializer may fail a whole buffer at once) and memory stays bounded
/// by the largest single record.</summary>
public sealed class JsonArrayScanner(Stream body)
{
    private byte[] _buffer = new byte[1 << 16];
    private int _start;
    private int _end;
    private bool _final;
    private bool _inArray;
    private bool _done;
    private JsonReaderState _state;
    private JsonException? _pendingError;

    /// <summary>The next batch of complete elements; empty when the array has ended.</summary>
    /// <exception cref="JsonException">The JSON is broken; elements before the break were returned by earlier calls.</exception>
    public async Task<List<JsonElement>> NextAsync(CancellationToken cancellationToken)
    {
        if (_pendingError is not null) throw _pendingError;
        var elements = new List<JsonElement>();
        while (elements.Count == 0 && !_done)
        {
            if (!_final && _end == _buffer.Length)
            {
                if (_start > 0)
                {
                    Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                    _end -= _start;
                    _start = 0;
                }
                else Array.Resize(ref _buffer, _buffer.Length * 2); // one record larger than the buffer
            }
            if (!_final)
            {
                var read = await body.ReadAsync(_buffer.AsMemory(_end), cancellationToken);
                if (read == 0) _final = true;
                _end += read;
            }
            Scan(elements);
            if (_final && !_done && elements.Count == 0)
                throw new JsonException("the body ends before the array is closed");
        }
        return elements;
    }

    private void Scan(List<JsonElement> into)
    {
        var data = _buffer.AsSpan(_start, _end - _start);
        var reader = new Utf8JsonReader(data, _final, _state);
        var consumed = 0;
        var state = _state;
        try
        {
            ScanElements(ref reader, data, into, ref consumed, ref state);
        }
        catch (JsonException e) when (into.Count > 0)
        {
            // Hand out the complete records first; the error comes with the next call.
            _pendingError = e;
        }
        _start += consumed;
        _state = state;
    }

    private void ScanElements(ref Utf8JsonReader reader, ReadOnlySpan<byte> data, List<JsonElement> into,
        ref int consumed, ref JsonReaderState state)
    {
        while (reader.Read())
        {
            if (!_inArray)
            {
                if (reader.TokenType != JsonTokenType.StartArray) throw new JsonException("the body is not a JSON array");
                _inArray = true;
            }
            else if (reader.TokenType == JsonTokenType.EndArray)
            {
                _done = true;
            }
            else
            {
                var first = (int)reader.TokenStartIndex;
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && !reader.TrySkip()) break;
                var element = new Utf8JsonReader(data[first..(int)reader.BytesConsumed]);
                into.Add(JsonElement.ParseValue(ref element));
            }
            consumed = (int)reader.BytesConsumed;
            state = reader.CurrentState;
            if (_done) break;
        }
    }
}

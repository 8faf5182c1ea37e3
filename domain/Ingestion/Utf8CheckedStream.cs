using System.Text;

namespace QmInsights.Domain.Ingestion;

/// <summary>A read-only view of a body that stops with <see cref="MalformedBodyException"/> at the first byte that is not
/// UTF-8, naming its offset. Readers would otherwise replace such bytes silently (CSV, NDJSON) or fail deep inside a
/// record (a JSON string), and the body would be half-stored without a report.</summary>
public sealed class Utf8CheckedStream(Stream body) : ReadOnlyStream
{
    private readonly Decoder _decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetDecoder();
    private long _offset;

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer) => Check(buffer[..body.Read(buffer)], buffer.Length == 0);

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await body.ReadAsync(buffer, cancellationToken);
        return Check(buffer.Span[..read], buffer.Length == 0);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    // The decoder keeps a sequence split across two reads and only judges it once it is complete; at the end of the
    // body (a read of nothing into a non-empty buffer) a sequence still open is an error too.
    private int Check(ReadOnlySpan<byte> read, bool emptyBuffer)
    {
        try
        {
            _decoder.GetCharCount(read, flush: read.Length == 0 && !emptyBuffer);
        }
        catch (DecoderFallbackException e)
        {
            var at = _offset + Math.Max(0, e.Index);
            throw new MalformedBodyException($"The body is not valid UTF-8 (byte {at}); send it encoded as UTF-8");
        }
        _offset += read.Length;
        return read.Length;
    }
}

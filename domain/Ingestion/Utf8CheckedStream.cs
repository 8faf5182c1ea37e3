using System.Buffers;
using System.Text.Unicode;

namespace QmInsights.Domain.Ingestion;

/// <summary>A read-only view of a body that stops with <see cref="MalformedBodyException"/> at the first byte that is not
/// UTF-8, naming its offset. The bytes before it are handed out first, so the records before the bad byte are read and
/// stored. Readers would otherwise replace such bytes silently (CSV, NDJSON) or fail deep inside a record (a JSON
/// string), and the body would be half-stored without a report.</summary>
public sealed class Utf8CheckedStream(Stream body) : ReadOnlyStream
{
    private readonly byte[] _carry = new byte[4];
    private int _carried;
    private long _offset;
    private long? _badAt;
    private char[] _scratch = [];

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        ThrowIfBad();
        return Check(buffer[..body.Read(buffer)], buffer.Length == 0);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ThrowIfBad();
        var read = await body.ReadAsync(buffer, cancellationToken);
        return Check(buffer.Span[..read], buffer.Length == 0);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private void ThrowIfBad()
    {
        if (_badAt is { } at) throw new MalformedBodyException($"The body is not valid UTF-8 (byte {at}); send it encoded as UTF-8");
    }

    // A sequence split across two reads is carried (at most 3 bytes) and judged with the next read; at the end of the
    // body a sequence still open is an error too.
    private int Check(ReadOnlySpan<byte> read, bool emptyBuffer)
    {
        if (read.Length == 0)
        {
            if (!emptyBuffer && _carried > 0) Bad(_offset - _carried);
            return 0;
        }
        var all = _carried == 0 ? read : [.. _carry.AsSpan(0, _carried), .. read];
        if (_scratch.Length < all.Length) _scratch = new char[all.Length];
        var status = Utf8.ToUtf16(all, _scratch, out var consumed, out _, replaceInvalidSequences: false, isFinalBlock: false);
        var start = _offset - _carried;
        if (status == OperationStatus.InvalidData)
        {
            _badAt = start + consumed;
            var good = consumed - _carried;
            if (good <= 0) ThrowIfBad();
            _offset += good;
            return good;
        }
        _carried = all.Length - consumed;
        all[consumed..].CopyTo(_carry);
        _offset += read.Length;
        return read.Length;
    }

    private void Bad(long at)
    {
        _badAt = at;
        ThrowIfBad();
    }
}

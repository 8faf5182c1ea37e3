namespace QmInsights.Domain.Ingestion;

/// <summary>A read-only stream that yields one byte already read from <paramref name="rest"/> and then the rest of it.</summary>
public sealed class PrefixedStream(byte first, Stream rest) : Stream
{
    private bool _firstPending = true;

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (buffer.Length == 0) return 0;
        if (!_firstPending) return rest.Read(buffer);
        _firstPending = false;
        buffer[0] = first;
        return 1;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (buffer.Length == 0) return 0;
        if (!_firstPending) return await rest.ReadAsync(buffer, cancellationToken);
        _firstPending = false;
        buffer.Span[0] = first;
        return 1;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

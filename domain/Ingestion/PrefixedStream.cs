namespace QmInsights.Domain.Ingestion;

/// <summary>A read-only stream that yields one byte already read from <paramref name="rest"/> and then the rest of it.</summary>
public sealed class PrefixedStream(byte first, Stream rest) : ReadOnlyStream
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
}

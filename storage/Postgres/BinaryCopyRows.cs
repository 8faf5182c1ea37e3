using System.Buffers.Binary;
using System.Text;

namespace QmInsights.Storage.Postgres;

/// <summary>Rows in PostgreSQL's binary COPY format, encoded into one growing buffer and sent as one raw stream.
/// Npgsql's importer binds a parameter for every field it writes, which cost the engine more CPU than PostgreSQL spent
/// storing the rows; this writes the bytes the importer would (same values, same timestamp rounding and infinities).</summary>
/// <remarks>The format (PostgreSQL documentation, COPY, "Binary Format"): an 11-byte signature, a 32-bit flags field
/// and a 32-bit header-extension length (both 0 here); each row a 16-bit field count, then each field as a 32-bit byte
/// length (-1 for NULL) and the type's binary form; a 16-bit -1 at the end. Every number is big-endian.</remarks>
public sealed class BinaryCopyRows
{
    private static readonly byte[] Header = [(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', (byte)'\n', 0xFF, (byte)'\r', (byte)'\n', 0, 0, 0, 0, 0, 0, 0, 0, 0];

    // PostgreSQL's timestamps count microseconds from 2000-01-01 00:00 UTC.
    private static readonly long EpochTicks = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;

    private byte[] _buffer = new byte[64 * 1024];
    private int _length;

    /// <summary>How many rows have been started.</summary>
    public int Rows { get; private set; }

    public BinaryCopyRows() => Append(Header);

    /// <summary>Starts a row of <paramref name="fields"/> fields; the fields follow in the COPY's column order.</summary>
    public void StartRow(short fields)
    {
        BinaryPrimitives.WriteInt16BigEndian(Reserve(2), fields);
        Rows++;
    }

    /// <summary>A text field (UTF-8, the encoding Npgsql's connections use), or NULL.</summary>
    public void Text(string? value)
    {
        if (value is null)
        {
            Null();
            return;
        }
        var span = Reserve(4 + Encoding.UTF8.GetMaxByteCount(value.Length));
        var written = Encoding.UTF8.GetBytes(value, span[4..]);
        BinaryPrimitives.WriteInt32BigEndian(span, written);
        _length -= span.Length - 4 - written;
    }

    /// <summary>A smallint field.</summary>
    public void Int16(short value) => BinaryPrimitives.WriteInt16BigEndian(Field(2), value);

    /// <summary>A smallint field, or NULL.</summary>
    public void Int16(short? value)
    {
        if (value is { } v) Int16(v);
        else Null();
    }

    /// <summary>An integer field.</summary>
    public void Int32(int value) => BinaryPrimitives.WriteInt32BigEndian(Field(4), value);

    /// <summary>An integer field, or NULL.</summary>
    public void Int32(int? value)
    {
        if (value is { } v) Int32(v);
        else Null();
    }

    /// <summary>A bigint field.</summary>
    public void Int64(long value) => BinaryPrimitives.WriteInt64BigEndian(Field(8), value);

    /// <summary>A double precision field.</summary>
    public void Double(double value) => BinaryPrimitives.WriteDoubleBigEndian(Field(8), value);

    /// <summary>A double precision field, or NULL.</summary>
    public void Double(double? value)
    {
        if (value is { } v) Double(v);
        else Null();
    }

    /// <summary>A boolean field.</summary>
    public void Bool(bool value) => Field(1)[0] = value ? (byte)1 : (byte)0;

    /// <summary>A boolean field, or NULL.</summary>
    public void Bool(bool? value)
    {
        if (value is { } v) Bool(v);
        else Null();
    }

    /// <summary>A timestamptz field: the instant in microseconds (ticks truncated toward zero, as Npgsql does), and
    /// DateTime's smallest and largest values as -infinity and infinity, as Npgsql maps them.</summary>
    public void Timestamp(DateTimeOffset value)
    {
        var utc = value.UtcDateTime;
        Int64(utc == DateTime.MaxValue ? long.MaxValue : utc == DateTime.MinValue ? long.MinValue : (utc.Ticks - EpochTicks) / 10);
    }

    /// <summary>A NULL field.</summary>
    public void Null() => BinaryPrimitives.WriteInt32BigEndian(Reserve(4), -1);

    /// <summary>The encoded rows with the end-of-data marker, ready for a raw binary COPY.</summary>
    public ReadOnlyMemory<byte> Complete()
    {
        BinaryPrimitives.WriteInt16BigEndian(Reserve(2), -1);
        return _buffer.AsMemory(0, _length);
    }

    // The length prefix, then the value's bytes.
    private Span<byte> Field(int size)
    {
        var span = Reserve(4 + size);
        BinaryPrimitives.WriteInt32BigEndian(span, size);
        return span[4..];
    }

    private void Append(ReadOnlySpan<byte> bytes) => bytes.CopyTo(Reserve(bytes.Length));

    private Span<byte> Reserve(int size)
    {
        if (_length + size > _buffer.Length) Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + size));
        var span = _buffer.AsSpan(_length, size);
        _length += size;
        return span;
    }
}

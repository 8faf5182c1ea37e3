using QmInsights.Storage.Postgres;

namespace QmInsights.Tests.Postgres;

/// <summary>The bytes of the binary COPY encoder against the format as PostgreSQL documents it (COPY, "Binary Format":
/// signature, flags and extension length, then per row a field count and length-prefixed big-endian fields, -1 for NULL
/// and at the end). That PostgreSQL reads them back unchanged is <c>FactStoreConformance</c>'s part.</summary>
public sealed class BinaryCopyRowsTests
{
    [Fact]
    public void A_row_is_the_documented_header_field_count_length_prefixed_fields_and_trailer()
    {
        var rows = new BinaryCopyRows();
        rows.StartRow(4);
        rows.Text("é");
        rows.Int32(258);
        rows.Double((double?)null);
        rows.Timestamp(new DateTimeOffset(2000, 1, 1, 1, 0, 0, TimeSpan.FromHours(1))); // midnight UTC: 0 microseconds

        byte[] expected =
        [
            (byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', (byte)'\n', 0xFF, (byte)'\r', (byte)'\n', 0,
            0, 0, 0, 0, 0, 0, 0, 0,
            0, 4,
            0, 0, 0, 2, 0xC3, 0xA9,
            0, 0, 0, 4, 0, 0, 1, 2,
            0xFF, 0xFF, 0xFF, 0xFF,
            0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0,
            0xFF, 0xFF,
        ];
        Assert.Equal(expected, rows.Complete().ToArray());
        Assert.Equal(1, rows.Rows);
    }

    [Fact]
    public void Timestamps_count_microseconds_from_2000_truncated_like_npgsql_with_infinities_at_the_ends()
    {
        static long Encoded(DateTimeOffset value)
        {
            var rows = new BinaryCopyRows();
            rows.Timestamp(value);
            return System.Buffers.Binary.BinaryPrimitives.ReadInt64BigEndian(rows.Complete().Span[(19 + 4)..]);
        }
        var epoch = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
        Assert.Equal(1_500_000, Encoded(epoch.AddSeconds(1.5)));
        Assert.Equal(1, Encoded(epoch.AddTicks(19))); // 1.9 microseconds
        Assert.Equal(-1, Encoded(epoch.AddTicks(-19))); // toward zero, as Npgsql divides
        Assert.Equal(long.MaxValue, Encoded(DateTimeOffset.MaxValue));
        Assert.Equal(long.MinValue, Encoded(DateTimeOffset.MinValue));
    }
}

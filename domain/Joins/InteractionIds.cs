using System.Text;

namespace QmInsights.Domain.Joins;

/// <summary>The interaction ids of one shard's rows, by slot: UTF-8 bytes packed in 64 KiB blocks (a 20-character id
/// takes 22 bytes instead of a 64-byte string object) and found through an open-addressing table of slot numbers
/// instead of a dictionary entry per id.</summary>
/// <remarks>Serialised as the blocks and each slot's reference; the lookup table is rebuilt on first use. Space of
/// removed ids is reclaimed by repacking once it outweighs the live ids.</remarks>
[GenerateSerializer, Alias("qm.InteractionIds")]
public sealed class InteractionIds
{
    private const int BlockBytes = 1 << 16;
    private const int SlotsPerChunk = 1 << 12;

    [Id(0)] private List<byte[]> _blocks = new();
    [Id(1)] private int _blockUsed = BlockBytes;
    // Per slot: 1 + (block << 16 | offset) of its id, or 0 for a free slot.
    [Id(2)] private List<int[]> _references = new();
    [Id(3)] private long _liveBytes;
    [Id(4)] private long _garbageBytes;

    [NonSerialized] private int[]? _table; // per bucket: 1 + slot, 0 empty, -1 a removed entry
    [NonSerialized] private int _count;
    [NonSerialized] private int _tombstones;

    /// <summary>How many ids are held.</summary>
    public int Count
    {
        get
        {
            Table();
            return _count;
        }
    }

    /// <summary>The slot of <paramref name="id"/>, or -1 when it is not held.</summary>
    public int SlotOf(string id)
    {
        var table = Table();
        var bytes = Encode(id, stackalloc byte[256]);
        var mask = table.Length - 1;
        for (var bucket = Hash(bytes) & mask; ; bucket = (bucket + 1) & mask)
        {
            var entry = table[bucket];
            if (entry == 0) return -1;
            if (entry > 0 && Bytes(Reference(entry - 1)).SequenceEqual(bytes)) return entry - 1;
        }
    }

    /// <summary>The id in <paramref name="slot"/> (a new string each time).</summary>
    public string this[int slot] => Encoding.UTF8.GetString(Bytes(Reference(slot)));

    /// <summary>True when <paramref name="slot"/> holds an id.</summary>
    public bool Holds(int slot) => slot >> 12 < _references.Count && _references[slot >> 12][slot & (SlotsPerChunk - 1)] != 0;

    /// <summary>Puts <paramref name="id"/> (not held yet) in the free <paramref name="slot"/>.</summary>
    public void Add(int slot, string id)
    {
        Table();
        var bytes = Encode(id, stackalloc byte[256]);
        while (slot >> 12 >= _references.Count) _references.Add(new int[SlotsPerChunk]);
        var reference = Store(bytes);
        // Into the table before the slot holds it: a table that grows now rebuilds from the slots held so far.
        Insert(slot, bytes);
        _references[slot >> 12][slot & (SlotsPerChunk - 1)] = 1 + reference;
        _liveBytes += bytes.Length + 2;
    }

    /// <summary>Frees <paramref name="slot"/>.</summary>
    public void Remove(int slot)
    {
        var table = Table();
        var bytes = Bytes(Reference(slot));
        var mask = table.Length - 1;
        for (var bucket = Hash(bytes) & mask; ; bucket = (bucket + 1) & mask)
        {
            if (table[bucket] == 0) throw new InvalidOperationException($"slot {slot} is not in the id table");
            if (table[bucket] != slot + 1) continue;
            table[bucket] = -1;
            break;
        }
        _references[slot >> 12][slot & (SlotsPerChunk - 1)] = 0;
        _count--;
        _tombstones++;
        _liveBytes -= bytes.Length + 2;
        _garbageBytes += bytes.Length + 2;
        if (_garbageBytes > BlockBytes && _garbageBytes > _liveBytes) Repack();
    }

    private int Reference(int slot) => _references[slot >> 12][slot & (SlotsPerChunk - 1)] - 1;

    private ReadOnlySpan<byte> Bytes(int reference)
    {
        var block = _blocks[reference >> 16];
        var offset = reference & (BlockBytes - 1);
        var length = block[offset] | block[offset + 1] << 8;
        return block.AsSpan(offset + 2, length);
    }

    private int Store(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length + 2 > BlockBytes) throw new ArgumentException($"interactionId: longer than {BlockBytes - 2} bytes", nameof(bytes));
        if (_blockUsed + bytes.Length + 2 > BlockBytes)
        {
            _blocks.Add(new byte[BlockBytes]);
            _blockUsed = 0;
        }
        var block = _blocks[^1];
        var offset = _blockUsed;
        block[offset] = (byte)bytes.Length;
        block[offset + 1] = (byte)(bytes.Length >> 8);
        bytes.CopyTo(block.AsSpan(offset + 2));
        _blockUsed += bytes.Length + 2;
        return (_blocks.Count - 1) << 16 | offset;
    }

    // Copies the live ids into fresh blocks, dropping the bytes of removed ones.
    private void Repack()
    {
        var old = _blocks;
        _blocks = new List<byte[]>();
        _blockUsed = BlockBytes;
        for (var chunk = 0; chunk < _references.Count; chunk++)
            for (var k = 0; k < SlotsPerChunk; k++)
                if (_references[chunk][k] is var reference and > 0)
                {
                    var r = reference - 1;
                    var block = old[r >> 16];
                    var offset = r & (BlockBytes - 1);
                    _references[chunk][k] = 1 + Store(block.AsSpan(offset + 2, block[offset] | block[offset + 1] << 8));
                }
        _garbageBytes = 0;
    }

    private void Insert(int slot, ReadOnlySpan<byte> bytes)
    {
        if ((_count + _tombstones + 1) * 4L > _table!.Length * 3L) Rebuild(Math.Max(_count + 1, 16));
        var table = _table!;
        var mask = table.Length - 1;
        var bucket = Hash(bytes) & mask;
        while (table[bucket] > 0) bucket = (bucket + 1) & mask;
        if (table[bucket] < 0) _tombstones--;
        table[bucket] = slot + 1;
        _count++;
    }

    private int[] Table()
    {
        if (_table is null) Rebuild(_references.Sum(c => c.Count(r => r != 0)));
        return _table!;
    }

    // A table at most half full for the ids held, from the slots' references.
    private void Rebuild(int ids)
    {
        var size = 16;
        while (size < ids * 2) size <<= 1;
        _table = new int[size];
        _count = 0;
        _tombstones = 0;
        for (var slot = 0; slot < _references.Count * SlotsPerChunk; slot++)
            if (Holds(slot)) Insert(slot, Bytes(Reference(slot)));
    }

    private static ReadOnlySpan<byte> Encode(string id, Span<byte> buffer)
    {
        var length = Encoding.UTF8.GetByteCount(id);
        var bytes = length <= buffer.Length ? buffer[..length] : new byte[length];
        Encoding.UTF8.GetBytes(id, bytes);
        return bytes;
    }

    private static int Hash(ReadOnlySpan<byte> bytes)
    {
        var hash = new HashCode();
        hash.AddBytes(bytes);
        return hash.ToHashCode() & int.MaxValue;
    }
}

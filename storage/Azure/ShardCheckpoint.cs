using System.Globalization;
using System.Text;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;

namespace QmInsights.Storage.Azure;

/// <summary>One shard's checkpoint: the block blob <c>checkpoints/{shard}</c>, whose blocks are the shard's folded
/// commits, each block one commit record as its commit blob held it (gzip JSON) and its block id naming the batch. A
/// restart reads one blob per shard instead of every commit; folding appends blocks without reading the earlier ones,
/// and a rewrite (retention, erasure, re-scoring) writes only the blocks it changes. Every change commits the block list
/// on the condition that nobody changed it since it was read, so a fold and a rewrite racing each other lose neither.</summary>
internal sealed class ShardCheckpoint(BlobContainerClient container, int shard)
{
    public const string Prefix = "checkpoints/";

    /// <summary>The blocks of a checkpoint as read: the version (null: no checkpoint yet) and each block's id, batch and size.</summary>
    public sealed record Blocks(ETag? ETag, List<(string Id, long Batch, long Size)> List)
    {
        /// <summary>The batches folded in.</summary>
        public HashSet<long> Batches => List.Select(b => b.Batch).ToHashSet();
    }

    private BlockBlobClient Blob => container.GetBlockBlobClient(Name(shard));

    /// <summary>The blob name of <paramref name="shard"/>'s checkpoint.</summary>
    public static string Name(int shard) => string.Create(CultureInfo.InvariantCulture, $"{Prefix}{shard:D2}");

    /// <summary>The block list alone: which batches are folded, in which order, with the version it was read at.</summary>
    public async Task<Blocks> ReadBlocks()
    {
        try
        {
            var list = (await Blob.GetBlockListAsync(BlockListTypes.Committed)).Value;
            var blocks = list.CommittedBlocks.Select(b => (b.Name, BatchOf(b.Name), b.SizeLong)).ToList();
            // A checkpoint emptied of blocks has a version too (a rewrite made it so that a fold in flight starts again).
            var etag = list.ETag != default ? list.ETag : (await Blob.GetPropertiesAsync()).Value.ETag;
            return new Blocks(etag, blocks);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return new Blocks(null, []);
        }
    }

    /// <summary>Every folded commit record, in block order, with the blocks they were read from.</summary>
    public async Task<(Blocks Blocks, CommitRecord[] Commits)> Read()
    {
        while (true)
        {
            var blocks = await ReadBlocks();
            if (blocks.List.Count == 0) return (blocks, []);
            try
            {
                var content = (await Blob.DownloadContentAsync(new BlobDownloadOptions { Conditions = new BlobRequestConditions { IfMatch = blocks.ETag } })).Value.Content;
                return (blocks, Decode(content.ToMemory(), blocks.List));
            }
            catch (RequestFailedException e) when (e.Status is 404 or 412)
            {
                // Changed between the block list and the download: read both again.
            }
        }
    }

    /// <summary>The folded commit records of these batches (those not folded are left out): the blocks alone are read.</summary>
    public async Task<List<CommitRecord>> ReadFolded(IReadOnlySet<long> batches)
    {
        while (true)
        {
            var blocks = await ReadBlocks();
            var offsets = Offsets(blocks.List);
            var wanted = blocks.List.Select((block, i) => (Offset: offsets[i], Block: block)).Where(w => batches.Contains(w.Block.Batch)).ToList();
            try
            {
                var records = await Task.WhenAll(wanted.Select(async w =>
                {
                    var content = (await Blob.DownloadContentAsync(new BlobDownloadOptions
                    {
                        Range = new HttpRange(w.Offset, w.Block.Size),
                        Conditions = new BlobRequestConditions { IfMatch = blocks.ETag },
                    })).Value.Content;
                    return BlobJson.Read<CommitRecord>(content);
                }));
                return records.ToList();
            }
            catch (RequestFailedException e) when (e.Status is 404 or 412)
            {
            }
        }
    }

    /// <summary>Appends these commits (batch and the bytes of its commit blob) after the blocks <paramref name="read"/>
    /// found, if the checkpoint is still as read; false if it changed meanwhile.</summary>
    public async Task<bool> Append(Blocks read, IReadOnlyList<(long Batch, BinaryData Bytes)> commits)
    {
        var ids = read.List.Select(b => b.Id).ToList();
        var added = commits.Select(c => (Id: BlockId(c.Batch), c.Bytes)).ToList();
        await Task.WhenAll(added.Select(a => Blob.StageBlockAsync(a.Id, a.Bytes.ToStream())));
        return await CommitList(read.ETag, ids.Concat(added.Select(a => a.Id)));
    }

    /// <summary>Applies <paramref name="change"/> to every folded commit (returning the same record when it leaves one as
    /// it is) and writes the changed blocks; the list is committed even when nothing changed, so a fold that read the
    /// checkpoint before this starts again and sees the commit blobs as they are now.</summary>
    public async Task Rewrite(Func<CommitRecord, CommitRecord> change)
    {
        while (true)
        {
            var (blocks, commits) = await Read();
            var ids = new List<string>(commits.Length);
            var staged = new List<Task>();
            for (var i = 0; i < commits.Length; i++)
            {
                var changed = change(commits[i]);
                if (ReferenceEquals(changed, commits[i]))
                {
                    ids.Add(blocks.List[i].Id);
                    continue;
                }
                var id = BlockId(commits[i].BatchId);
                staged.Add(Blob.StageBlockAsync(id, BlobJson.Write(changed).ToStream()));
                ids.Add(id);
            }
            await Task.WhenAll(staged);
            if (await CommitList(blocks.ETag, ids)) return;
        }
    }

    private async Task<bool> CommitList(ETag? etag, IEnumerable<string> ids)
    {
        try
        {
            await Blob.CommitBlockListAsync(ids, new CommitBlockListOptions
            {
                Conditions = etag is { } e ? new BlobRequestConditions { IfMatch = e } : new BlobRequestConditions { IfNoneMatch = ETag.All },
                HttpHeaders = new BlobHttpHeaders { ContentType = "application/gzip" },
            });
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            return false;
        }
    }

    private static CommitRecord[] Decode(ReadOnlyMemory<byte> content, List<(string Id, long Batch, long Size)> blocks)
    {
        var offsets = Offsets(blocks);
        var commits = new CommitRecord[blocks.Count];
        Parallel.For(0, blocks.Count, i => commits[i] = BlobJson.Read<CommitRecord>(new BinaryData(content.Slice((int)offsets[i], (int)blocks[i].Size))));
        return commits;
    }

    // Where each block starts in the blob: the blocks are laid end to end in list order.
    private static long[] Offsets(List<(string Id, long Batch, long Size)> blocks)
    {
        var offsets = new long[blocks.Count];
        for (var i = 1; i < blocks.Count; i++) offsets[i] = offsets[i - 1] + blocks[i - 1].Size;
        return offsets;
    }

    // Block ids of one blob must have one length: the batch (19 digits) and 8 random hex digits, so a block written
    // again gets an id of its own and never meets a block staged by a concurrent writer.
    private static string BlockId(long batch) => Convert.ToBase64String(Encoding.ASCII.GetBytes(
        string.Create(CultureInfo.InvariantCulture, $"{batch:D19}{Random.Shared.Next():x8}")));

    private static long BatchOf(string blockId) =>
        long.Parse(Encoding.ASCII.GetString(Convert.FromBase64String(blockId)).AsSpan(0, 19), CultureInfo.InvariantCulture);
}

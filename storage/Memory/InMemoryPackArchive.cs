using System.Collections.Concurrent;

namespace QmInsights.Storage.Memory;

/// <summary>The archive of the in-process storage mode: kept as long as the process runs, like the rest of its state.</summary>
public sealed class InMemoryPackArchive : IPackArchive
{
    private readonly ConcurrentDictionary<(string Month, string Scope), ArchivedPack> packs = new();

    public Task<ArchivedPack?> Find(string month, string scope) => Task.FromResult(packs.GetValueOrDefault((month, scope)));

    public Task Save(ArchivedPack pack)
    {
        packs[(pack.Month, pack.Scope)] = pack;
        return Task.CompletedTask;
    }
}

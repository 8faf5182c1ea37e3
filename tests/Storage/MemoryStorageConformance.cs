using QmInsights.Storage;
using QmInsights.Storage.Memory;

namespace QmInsights.Tests.Storage;

/// <summary>The in-process mode keeps no fact store (grains keep their own state), so it runs the pack archive's
/// conformance only.</summary>
public sealed class MemoryPackArchiveConformance : PackArchiveConformance
{
    protected override Task<IPackArchive> NewArchive() => Task.FromResult<IPackArchive>(new InMemoryPackArchive());
}

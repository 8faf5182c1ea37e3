using QmInsights.Storage;

namespace QmInsights.Tests.Storage;

/// <summary>What every pack archive must do, run against each one (a subclass per store gives a fresh, empty archive).</summary>
public abstract class PackArchiveConformance
{
    protected abstract Task<IPackArchive> NewArchive();

    [Fact]
    public async Task A_saved_pack_is_found_unchanged_and_a_later_save_replaces_it()
    {
        var archive = await NewArchive();
        Assert.Null(await archive.Find("2026-02", "centre"));
        var generated = new DateTimeOffset(2026, 3, 1, 6, 0, 0, 123, TimeSpan.Zero);
        var pack = new ArchivedPack("2026-02", ArchivedPack.ScopeOf("t\u00e9am 1"), generated, [37, 80, 68, 70, 1, 2, 3]);
        await archive.Save(pack);
        await archive.Save(pack with { Scope = "centre", Pdf = [9] });

        var found = await archive.Find("2026-02", pack.Scope);
        Assert.NotNull(found);
        Assert.Equal((pack.Month, pack.Scope, pack.GeneratedAt), (found.Month, found.Scope, found.GeneratedAt));
        Assert.Equal(pack.Pdf, found.Pdf);
        Assert.Null(await archive.Find("2026-01", pack.Scope));

        await archive.Save(pack with { GeneratedAt = generated.AddDays(1), Pdf = [4, 5] });
        var replaced = await archive.Find("2026-02", pack.Scope);
        Assert.Equal(generated.AddDays(1), replaced!.GeneratedAt);
        Assert.Equal([4, 5], replaced.Pdf);
        Assert.Equal([9], (await archive.Find("2026-02", "centre"))!.Pdf);
    }
}

namespace QmInsights.Storage;

/// <summary>A rendered pack as archived: its month, scope ("centre" or "team:{id}"), when it was made, the PDF.</summary>
public sealed record ArchivedPack(string Month, string Scope, DateTimeOffset GeneratedAt, byte[] Pdf)
{
    public static string ScopeOf(string? teamId) => teamId is null ? "centre" : "team:" + teamId;
}

/// <summary>Where rendered packs are kept (PostgreSQL when configured, else in process), so a month's pack is what
/// executives saw when it was sent, until someone asks to re-render it.</summary>
public interface IPackArchive
{
    Task<ArchivedPack?> Find(string month, string scope);

    /// <summary>Stores the pack, replacing an earlier one of the same month and scope.</summary>
    Task Save(ArchivedPack pack);
}

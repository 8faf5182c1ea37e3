using QmInsights.Reports.Pack;

namespace QmInsights.Grains.Reports;

/// <summary>A rendered pack as archived: its month, scope ("centre" or "team:{id}", with "/aggregate" for the pack that names
/// nobody), when it was made, the PDF.</summary>
public sealed record ArchivedPack(string Month, string Scope, DateTimeOffset GeneratedAt, byte[] Pdf)
{
    public static string ScopeOf(string? teamId, PackAudience audience = PackAudience.Full) =>
        (teamId is null ? "centre" : "team:" + teamId) + (audience == PackAudience.Aggregate ? "/aggregate" : "");
}

/// <summary>Where rendered packs are kept (PostgreSQL when configured, else in process), so a month's pack is what
/// executives saw when it was sent, until someone asks to re-render it.</summary>
public interface IPackArchive
{
    Task<ArchivedPack?> Find(string month, string scope);

    /// <summary>Stores the pack, replacing an earlier one of the same month and scope.</summary>
    Task Save(ArchivedPack pack);
}

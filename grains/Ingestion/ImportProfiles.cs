using QmInsights.Domain.Facts;
using QmInsights.Domain.Ingestion;
using QmInsights.Domain.Ingestion.Profiles;
using QmInsights.Grains.Interfaces;

namespace QmInsights.Grains.Ingestion;

/// <summary>Finds an import profile by id: the one stored under it, else the shipped one.</summary>
public sealed class ImportProfiles(IGrainFactory grains)
{
    public async Task<ImportProfile?> Find(string id) =>
        await grains.GetGrain<IImportProfileGrain>(id).Get() ?? ShippedProfiles.ById.GetValueOrDefault(id);

    /// <summary>Stores <paramref name="profile"/> under <paramref name="id"/> once its own problems are none; answers them otherwise.</summary>
    public async Task<(bool Created, List<string> Problems)> Store(string id, ImportProfile profile)
    {
        var problems = profile.Problems();
        if (!Ids.IsValid(id)) problems.Insert(0, $"id: {Ids.Describe(id)}");
        return problems.Count > 0 ? (false, problems) : (await grains.GetGrain<IImportProfileGrain>(id).Set(profile), problems);
    }
}

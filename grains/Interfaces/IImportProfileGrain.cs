using QmInsights.Domain.Ingestion;

namespace QmInsights.Grains.Interfaces;

/// <summary>One stored import profile, durable like the other definitions. Key: the profile id.</summary>
[Alias("qm.IImportProfileGrain")]
public interface IImportProfileGrain : IGrainWithStringKey
{
    /// <summary>The stored profile, or null when none was stored under this id.</summary>
    Task<ImportProfile?> Get();

    /// <summary>Stores <paramref name="profile"/> (the caller has validated it); answers whether it was new.</summary>
    Task<bool> Set(ImportProfile profile);
}

using QmInsights.Domain.Ingestion;
using QmInsights.Grains.Interfaces;

namespace QmInsights.Grains.Grains;

public sealed class ImportProfileGrain(
    [PersistentState("importProfile", StorageNames.Definitions)] IPersistentState<ImportProfileState> state)
    : Grain, IImportProfileGrain
{
    Task<ImportProfile?> IImportProfileGrain.Get() => Task.FromResult(state.State.Profile);

    async Task<bool> IImportProfileGrain.Set(ImportProfile profile)
    {
        var created = state.State.Profile is null;
        state.State.Profile = profile;
        await state.WriteStateAsync();
        return created;
    }
}

[GenerateSerializer, Alias("qm.ImportProfileState")]
public sealed class ImportProfileState
{
    [Id(0)] public ImportProfile? Profile { get; set; }
}

using Microsoft.Extensions.Logging;
using QmInsights.Domain.Aggregates;
using QmInsights.Domain.Scorecards;
using QmInsights.Grains.Interfaces;

namespace QmInsights.Grains.Grains;

public sealed class ScorecardGrain(
    [PersistentState("scorecard", StorageNames.Aggregates)] IPersistentState<ScorecardState> state,
    ILogger<ScorecardGrain> logger) : WriteBehindGrain(logger), IScorecardGrain
{

    async Task<ScorecardDefinitionResult> IScorecardGrain.Define(ScorecardDefinition definition, DateTimeOffset? validFrom)
    {
        var versions = state.State.Versions;
        if (versions.Count > 0 && versions[^1].Definition.Equals(definition))
            return new ScorecardDefinitionResult(versions[^1].Version, false, versions[^1].ValidFrom);
        var version = new ScorecardVersion(this.GetPrimaryKeyString(), versions.Count + 1,
            (validFrom ?? DateTimeOffset.UtcNow).ToUniversalTime(), definition);
        versions.Add(version);
        // A version is a fact evaluations are scored with: written at once.
        await WriteNow(state);
        return new ScorecardDefinitionResult(version.Version, true, version.ValidFrom);
    }

    Task<List<ScorecardVersion>> IScorecardGrain.GetVersions() => Task.FromResult(state.State.Versions.ToList());

    Task IScorecardGrain.Apply(TallyMap<ItemBucket, ItemTally> changes)
    {
        state.State.Items.Merge(changes);
        Changed(state);
        return Task.CompletedTask;
    }

    Task<List<ItemFigures>> IScorecardGrain.GetItems(DateOnly? from, DateOnly? to) =>
        Task.FromResult(ItemReport.Build(state.State.Items, state.State.Versions, from, to).ToList());
}

[GenerateSerializer, Alias("qm.ScorecardState")]
public sealed class ScorecardState
{
    [Id(0)] public List<ScorecardVersion> Versions { get; set; } = new();
    [Id(1)] public TallyMap<ItemBucket, ItemTally> Items { get; set; } = new();
}

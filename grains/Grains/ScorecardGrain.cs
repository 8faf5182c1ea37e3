using QmInsights.Domain.Aggregates;
using QmInsights.Domain.Scorecards;
using QmInsights.Grains.Interfaces;

namespace QmInsights.Grains.Grains;

public sealed class ScorecardGrain : WriteBehindGrain, IScorecardGrain
{
    private readonly IPersistentState<ScorecardState> _state;
    private bool _dirty;

    public ScorecardGrain([PersistentState("scorecard", StorageNames.Aggregates)] IPersistentState<ScorecardState> state)
    {
        _state = state;
        WriteBehind(() => _dirty, async () =>
        {
            await _state.WriteStateAsync();
            _dirty = false;
        });
    }

    async Task<ScorecardDefinitionResult> IScorecardGrain.Define(ScorecardDefinition definition, DateTimeOffset? validFrom)
    {
        var versions = _state.State.Versions;
        if (versions.Count > 0 && versions[^1].Definition.Equals(definition))
            return new ScorecardDefinitionResult(versions[^1].Version, false, versions[^1].ValidFrom);
        var version = new ScorecardVersion(this.GetPrimaryKeyString(), versions.Count + 1,
            (validFrom ?? DateTimeOffset.UtcNow).ToUniversalTime(), definition);
        versions.Add(version);
        // A version is a fact evaluations are scored with: written at once.
        await _state.WriteStateAsync();
        _dirty = false;
        return new ScorecardDefinitionResult(version.Version, true, version.ValidFrom);
    }

    Task<List<ScorecardVersion>> IScorecardGrain.GetVersions() => Task.FromResult(_state.State.Versions.ToList());

    Task IScorecardGrain.Apply(TallyMap<ItemBucket, ItemTally> changes)
    {
        _state.State.Items.Merge(changes);
        _dirty = true;
        return Task.CompletedTask;
    }

    Task<List<ItemFigures>> IScorecardGrain.GetItems(DateOnly? from, DateOnly? to) =>
        Task.FromResult(ItemReport.Build(_state.State.Items, _state.State.Versions, from, to).ToList());
}

[GenerateSerializer, Alias("qm.ScorecardState")]
public sealed class ScorecardState
{
    [Id(0)] public List<ScorecardVersion> Versions { get; set; } = new();
    [Id(1)] public TallyMap<ItemBucket, ItemTally> Items { get; set; } = new();
}

using Microsoft.Extensions.Logging;
using QmInsights.Domain.Aggregates;
using QmInsights.Domain.Joins;
using QmInsights.Domain.Scorecards;
using QmInsights.Grains.Interfaces;
using QmInsights.Storage;

namespace QmInsights.Grains.Grains;

public sealed class ScorecardGrain(
    [PersistentState("scorecard", StorageNames.Definitions)] IPersistentState<ScorecardState> versions,
    [PersistentState("scorecardItems", StorageNames.Derived)] IPersistentState<ItemState> items,
    IFactStore facts,
    ILogger<ScorecardGrain> logger) : DerivedStateGrain(facts, logger), IScorecardGrain
{
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (Facts.IsDurable) await Rebuild();
        await base.OnActivateAsync(cancellationToken);
    }

    async Task<ScorecardDefinitionResult> IScorecardGrain.Define(ScorecardDefinition definition, DateTimeOffset? validFrom)
    {
        var list = versions.State.Versions;
        if (list.Count > 0 && list[^1].Definition.Equals(definition))
            return new ScorecardDefinitionResult(list[^1].Version, false, list[^1].ValidFrom);
        var version = new ScorecardVersion(this.GetPrimaryKeyString(), list.Count + 1,
            (validFrom ?? DateTimeOffset.UtcNow).ToUniversalTime(), definition);
        list.Add(version);
        // A version is a fact evaluations are scored with: written before the API answers.
        await WriteNow(versions);
        return new ScorecardDefinitionResult(version.Version, true, version.ValidFrom);
    }

    Task<List<ScorecardVersion>> IScorecardGrain.GetVersions() => Task.FromResult(versions.State.Versions.ToList());

    Task IScorecardGrain.Apply(List<BatchChange<TallyMap<ItemBucket, ItemTally>>> changes)
    {
        foreach (var change in changes)
            if (FirstTime(change.BatchId)) items.State.Items.Merge(change.Changes);
        Changed(items);
        return Task.CompletedTask;
    }

    Task IScorecardGrain.Refresh() => Facts.IsDurable ? Rebuild() : Task.CompletedTask;

    Task IScorecardGrain.DropOutside(DateOnly earliest, DateOnly latest)
    {
        if (Facts.IsDurable) return Rebuild();
        items.State.Items.RemoveWhere(b => b.Day < earliest || b.Day > latest);
        Changed(items);
        return Task.CompletedTask;
    }

    Task<List<ItemFigures>> IScorecardGrain.GetItems(DateOnly? from, DateOnly? to) =>
        Task.FromResult(ItemReport.Build(items.State.Items, versions.State.Versions, from, to).ToList());

    private async Task Rebuild()
    {
        var stored = await Facts.LoadForScorecard(this.GetPrimaryKeyString());
        items.State.Items = JoinContribution.Of(stored.Rows.Values, stored.Retired, Calendar).Scorecards.GetValueOrDefault(this.GetPrimaryKeyString())
                            ?? new TallyMap<ItemBucket, ItemTally>();
        Included(stored.Batches);
    }
}

[GenerateSerializer, Alias("qm.ScorecardState")]
public sealed class ScorecardState
{
    [Id(0)] public List<ScorecardVersion> Versions { get; set; } = new();
}

[GenerateSerializer, Alias("qm.ItemState")]
public sealed class ItemState
{
    [Id(0)] public TallyMap<ItemBucket, ItemTally> Items { get; set; } = new();
}

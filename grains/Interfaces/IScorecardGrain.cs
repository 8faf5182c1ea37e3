using QmInsights.Domain.Aggregates;
using QmInsights.Domain.Scorecards;

namespace QmInsights.Grains.Interfaces;

/// <summary>One scorecard: its versions and per-item answer counts. Keyed by scorecard id.</summary>
[Alias("qm.IScorecardGrain")]
public interface IScorecardGrain : IGrainWithStringKey
{
    /// <summary>Stores <paramref name="definition"/> as a new version when it differs from the latest one.</summary>
    /// <param name="validFrom">When the version comes into force; now when null.</param>
    Task<ScorecardDefinitionResult> Define(ScorecardDefinition definition, DateTimeOffset? validFrom);

    Task<List<ScorecardVersion>> GetVersions();

    Task Apply(List<BatchChange<TallyMap<ItemBucket, ItemTally>>> changes);

    /// <summary>Rebuilds the item tallies from the fact store.</summary>
    Task Refresh();

    /// <summary>Drops every item tally dated outside <paramref name="earliest"/>..<paramref name="latest"/> (see
    /// <see cref="IQualityAggregateGrain.DropOutside"/>).</summary>
    Task DropOutside(DateOnly earliest, DateOnly latest);

    Task<List<ItemFigures>> GetItems(DateOnly? from, DateOnly? to);
}

/// <summary>The version a scorecard definition was stored as, and whether it is new.</summary>
[GenerateSerializer, Alias("qm.ScorecardDefinitionResult")]
public sealed record ScorecardDefinitionResult(int Version, bool Created, DateTimeOffset ValidFrom);

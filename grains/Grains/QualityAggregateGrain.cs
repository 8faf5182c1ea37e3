using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using QmInsights.Domain.Aggregates;
using QmInsights.Domain.Facts;
using QmInsights.Domain.Periods;
using QmInsights.Grains.Interfaces;
using QmInsights.Grains.Storage;
using QmInsights.Storage;

namespace QmInsights.Grains.Grains;

/// <summary>Shared body of the agent and team grains: hold day-and-channel tallies, summarise on request.</summary>
public abstract class QualityAggregateGrain(IPersistentState<QualityState> state, IFactStore facts, ILogger logger)
    : DerivedStateGrain(facts, logger)
{
    /// <summary>Summaries kept at once; one more drops them all (a dashboard and the pack ask for a handful of ranges).</summary>
    private const int KeptSummaries = 4;

    // Summaries asked since the tallies last changed: reads far outnumber changes once a month's data is in, and
    // building one walks every day's tallies.
    private readonly Dictionary<(DateOnly? From, DateOnly? To, TrendPeriod Period, Channel? Channel), QualityFigures> _summaries = new();

    /// <summary>Whether this is an agent's or a team's aggregate.</summary>
    protected abstract TallyOwner Owner { get; }

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (Facts.IsDurable) await Rebuild();
        await base.OnActivateAsync(cancellationToken);
    }

    public Task Apply(List<BatchChange<TallyMap<TallyBucket, QualityTally>>> changes)
    {
        foreach (var change in changes)
            if (FirstTime(change.BatchId)) state.State.Tallies.Merge(change.Changes);
        TalliesChanged();
        return Task.CompletedTask;
    }

    public Task Refresh() => Facts.IsDurable ? Rebuild() : Task.CompletedTask;

    public Task DropOutside(DateOnly earliest, DateOnly latest)
    {
        if (Facts.IsDurable) return Rebuild();
        state.State.Tallies.RemoveWhere(b => b.Day < earliest || b.Day > latest);
        TalliesChanged();
        return Task.CompletedTask;
    }

    public Task<QualityFigures> GetSummary(DateOnly? from, DateOnly? to, TrendPeriod period, Channel? channel = null)
    {
        var key = (from, to, period, channel);
        if (!_summaries.TryGetValue(key, out var figures))
        {
            if (_summaries.Count >= KeptSummaries) _summaries.Clear();
            _summaries[key] = figures = SummaryBuilder.Build(state.State.Tallies, from, to, period, channel);
        }
        return Task.FromResult(figures);
    }

    public Task<TallyMap<TallyBucket, QualityTally>> GetCondensed(DateOnly? from, DateOnly? to, TrendPeriod period, Channel? channel) =>
        Task.FromResult(SummaryBuilder.Condense(state.State.Tallies, from, to, period, channel));

    /// <summary>Drops every tally (erasure of an agent's personal data).</summary>
    protected void Forget()
    {
        state.State.Tallies = new TallyMap<TallyBucket, QualityTally>();
        TalliesChanged();
    }

    private void TalliesChanged()
    {
        _summaries.Clear();
        Changed(state);
    }

    private async Task Rebuild()
    {
        // Agents or teams rebuilding at about the same time share one read of the store (a restart wakes many at once).
        var stored = await ServiceProvider.GetRequiredKeyedService<TallyReader>(Owner).Read(this.GetPrimaryKeyString());
        state.State.Tallies = stored.Tallies;
        _summaries.Clear();
        Included(stored.Batches);
    }
}

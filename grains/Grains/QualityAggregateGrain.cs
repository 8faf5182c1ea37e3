using Microsoft.Extensions.Logging;
using QmInsights.Domain.Aggregates;
using QmInsights.Domain.Facts;
using QmInsights.Domain.Joins;
using QmInsights.Domain.Periods;
using QmInsights.Grains.Interfaces;
using QmInsights.Storage;

namespace QmInsights.Grains.Grains;

/// <summary>Shared body of the agent and team grains: hold day-and-channel tallies, summarise on request.</summary>
public abstract class QualityAggregateGrain(IPersistentState<QualityState> state, IFactStore facts, ILogger logger)
    : DerivedStateGrain(facts, logger)
{
    /// <summary>The stored interaction rows that concern this agent or team.</summary>
    protected abstract Task<StoredRows> LoadRows();

    /// <summary>This grain's part of the changes the rows make.</summary>
    protected abstract TallyMap<TallyBucket, QualityTally>? Mine(AggregateChanges changes);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (Facts.IsDurable) await Rebuild();
        await base.OnActivateAsync(cancellationToken);
    }

    public Task Apply(List<BatchChange<TallyMap<TallyBucket, QualityTally>>> changes)
    {
        foreach (var change in changes)
            if (FirstTime(change.BatchId)) state.State.Tallies.Merge(change.Changes);
        Changed(state);
        return Task.CompletedTask;
    }

    public Task Refresh() => Facts.IsDurable ? Rebuild() : Task.CompletedTask;

    public Task DropOutside(DateOnly earliest, DateOnly latest)
    {
        if (Facts.IsDurable) return Rebuild();
        state.State.Tallies.RemoveWhere(b => b.Day < earliest || b.Day > latest);
        Changed(state);
        return Task.CompletedTask;
    }

    public Task<QualityFigures> GetSummary(DateOnly? from, DateOnly? to, TrendPeriod period, Channel? channel = null) =>
        Task.FromResult(SummaryBuilder.Build(state.State.Tallies, from, to, period, channel));

    public Task<TallyMap<TallyBucket, QualityTally>> GetCondensed(DateOnly? from, DateOnly? to, TrendPeriod period, Channel? channel) =>
        Task.FromResult(SummaryBuilder.Condense(state.State.Tallies, from, to, period, channel));

    /// <summary>Drops every tally (erasure of an agent's personal data).</summary>
    protected void Forget()
    {
        state.State.Tallies = new TallyMap<TallyBucket, QualityTally>();
        Changed(state);
    }

    private async Task Rebuild()
    {
        var stored = await LoadRows();
        state.State.Tallies = Mine(JoinContribution.Of(stored.Rows.Values, stored.Retired, Calendar)) ?? new TallyMap<TallyBucket, QualityTally>();
        Included(stored.Batches);
    }
}

using QmInsights.Domain.Aggregates;
using QmInsights.Domain.Periods;

namespace QmInsights.Grains.Grains;

/// <summary>Shared body of the agent and team grains: hold day-and-channel tallies, summarise on request.</summary>
public abstract class QualityAggregateGrain : WriteBehindGrain
{
    private readonly IPersistentState<QualityState> _state;
    private bool _dirty;

    protected QualityAggregateGrain(IPersistentState<QualityState> state)
    {
        _state = state;
        WriteBehind(() => _dirty, async () =>
        {
            await _state.WriteStateAsync();
            _dirty = false;
        });
    }

    public Task Apply(TallyMap<TallyBucket, QualityTally> changes)
    {
        _state.State.Tallies.Merge(changes);
        _dirty = true;
        return Task.CompletedTask;
    }

    public Task<QualityFigures> GetSummary(DateOnly? from, DateOnly? to, TrendPeriod period) =>
        Task.FromResult(SummaryBuilder.Build(_state.State.Tallies, from, to, period));
}

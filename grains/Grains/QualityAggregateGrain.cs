using Microsoft.Extensions.Logging;
using QmInsights.Domain.Aggregates;
using QmInsights.Domain.Periods;

namespace QmInsights.Grains.Grains;

/// <summary>Shared body of the agent and team grains: hold day-and-channel tallies, summarise on request.</summary>
public abstract class QualityAggregateGrain(IPersistentState<QualityState> state, ILogger logger) : WriteBehindGrain(logger)
{

    public Task Apply(TallyMap<TallyBucket, QualityTally> changes)
    {
        state.State.Tallies.Merge(changes);
        Changed(state);
        return Task.CompletedTask;
    }

    public Task<QualityFigures> GetSummary(DateOnly? from, DateOnly? to, TrendPeriod period) =>
        Task.FromResult(SummaryBuilder.Build(state.State.Tallies, from, to, period));
}

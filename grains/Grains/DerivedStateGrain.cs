using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Core;
using QmInsights.Domain.Periods;
using QmInsights.Storage;

namespace QmInsights.Grains.Grains;

/// <summary>Base for grains whose state is derived from facts. Embedded mode: the state lives in grain storage and
/// is written behind, when the grain deactivates, rather than on every batch. Durable mode: the state is rebuilt
/// from the fact store at activation, and changes are applied once per batch id, so a batch that the rebuild already
/// includes, or that recovery delivers again, is not counted twice.</summary>
public abstract class DerivedStateGrain(IFactStore facts, ILogger logger) : Grain
{
    private readonly HashSet<IStorage> _changed = new(ReferenceEqualityComparer.Instance);
    // The batches the last rebuild included (possibly shared with other aggregates read at the same time, so never
    // changed here) and those applied since.
    private IReadOnlySet<long> _included = new HashSet<long>();
    private HashSet<long> _applied = new();

    protected IFactStore Facts => facts;

    /// <summary>The centre's local calendar (<c>Centre:TimeZone</c>): the days every derived tally falls on.</summary>
    protected CentreCalendar Calendar => ServiceProvider.GetService<CentreCalendar>() ?? CentreCalendar.Utc;

    /// <summary>Marks <paramref name="state"/> to be written at deactivation (embedded mode only).</summary>
    protected void Changed(IStorage state)
    {
        if (!facts.IsDurable) _changed.Add(state);
    }

    /// <summary>Writes <paramref name="state"/> now (for facts that must not wait, like a new scorecard version).</summary>
    protected async Task WriteNow(IStorage state)
    {
        await state.WriteStateAsync();
        _changed.Remove(state);
    }

    /// <summary>Remembers the batches a rebuild from the fact store included.</summary>
    protected void Included(IReadOnlySet<long> batches)
    {
        _included = batches;
        _applied = new HashSet<long>();
    }

    /// <summary>True the first time a batch's changes arrive; changes without a batch id (embedded mode) always apply.</summary>
    protected bool FirstTime(long? batchId) => batchId is not { } id || (!_included.Contains(id) && _applied.Add(id));

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        var shuttingDown = reason.ReasonCode == DeactivationReasonCode.ShuttingDown;
        if (shuttingDown && ServiceProvider.GetService<WriteBehindOptions>() is { WriteOnShutdown: false })
            _changed.Clear();
        foreach (var state in _changed.ToList())
        {
            try
            {
                await WriteNow(state);
            }
            catch (Exception e) when (shuttingDown)
            {
                // The silo is going down anyway: say what was not written rather than fail the shutdown.
                logger.LogWarning("{Grain} could not write its state while the silo shuts down: {Error}", this.GetGrainId(), e.Message);
            }
        }
        await base.OnDeactivateAsync(reason, cancellationToken);
    }
}
